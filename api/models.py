"""Editors' API tokens: django-rest-knox's model, with a name and an id to list and revoke by.

Only a SHA-512 digest of each token is stored, with its first 15 characters (`token_key`)
to find the row and to recognise a token in a list; the token itself is shown once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken, AuthTokenManager
from knox.settings import CONSTANTS


class ApiTokenQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A superuser manages every token; anyone else only their own."""
        return self if user.is_superuser else self.filter(user=user)


class ApiToken(AbstractAuthToken):
    # knox keys its table on the digest; an id keeps the digest out of URLs and lists.
    id = models.BigAutoField(primary_key=True)
    digest = models.CharField(_("digest"), max_length=CONSTANTS.DIGEST_LENGTH, unique=True)
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for."))
    # knox's own fields, as knox declares them, with names in the reader's language.
    token_key = models.CharField(
        _("token key"),
        max_length=CONSTANTS.MAXIMUM_TOKEN_PREFIX_LENGTH + CONSTANTS.TOKEN_KEY_LENGTH,
        db_index=True,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="auth_token_set",
        verbose_name=_("user"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expiry = models.DateTimeField(_("expires"), null=True, blank=True)

    # create(user, expiry=..., name=...) returns (token row, the token): the only time it is seen.
    objects = AuthTokenManager.from_queryset(ApiTokenQuerySet)()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.token_key}…, {self.user})"

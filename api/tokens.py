"""An editor's API tokens: list them, see one, revoke one, make a new one (shown once).

Everyone manages only their own tokens (a superuser all of them); another editor's token is a
404, as if it did not exist. A new token needs a password login (the session): a token
cannot make tokens, so a stolen one cannot outlive its own expiry.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .models import ApiToken
from .schema import ERROR, FIELD_ERRORS


class ApiTokenSerializer(serializers.ModelSerializer):
    user = serializers.SlugRelatedField(slug_field="username", read_only=True)
    token_key = serializers.CharField(
        read_only=True, help_text="The token's first characters, to recognise it."
    )
    expiry = serializers.DateTimeField(read_only=True, help_text="When the token stops working.")

    class Meta:
        model = ApiToken
        fields = ["id", "name", "token_key", "user", "created", "expiry"]
        read_only_fields = ["id", "created"]


class NewApiTokenSerializer(ApiTokenSerializer):
    token = serializers.CharField(
        read_only=True,
        help_text="The token itself: shown this once, only its digest is stored. Send it as "
        "`Authorization: Token <token>`.",
    )

    class Meta(ApiTokenSerializer.Meta):
        fields = [*ApiTokenSerializer.Meta.fields, "token"]


AUTH_ERRORS = {401: ERROR, 403: ERROR}


@extend_schema_view(
    list=extend_schema(
        summary="List your API tokens",
        responses={
            200: ApiTokenSerializer(many=True),
            400: FIELD_ERRORS,
            404: ERROR,
            **AUTH_ERRORS,
        },
    ),
    retrieve=extend_schema(
        summary="One of your API tokens",
        responses={200: ApiTokenSerializer, 404: ERROR, **AUTH_ERRORS},
    ),
    create=extend_schema(
        summary="Make a new API token (after a password login; shown once)",
        request=ApiTokenSerializer,
        # 404: an unknown `?format=`, as on every operation.
        responses={201: NewApiTokenSerializer, 400: FIELD_ERRORS, 404: ERROR, **AUTH_ERRORS},
    ),
    destroy=extend_schema(
        summary="Revoke one of your API tokens",
        responses={204: OpenApiResponse(description="Revoked."), 404: ERROR, **AUTH_ERRORS},
    ),
)
class ApiTokenViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ApiTokenSerializer
    permission_classes = [IsAuthenticated]
    filter_backends = []
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return ApiToken.objects.visible_to(self.request.user).select_related("user")

    def create(self, request, *args, **kwargs):
        if not isinstance(request.successful_authenticator, SessionAuthentication):
            raise PermissionDenied(_("A token cannot make tokens: log in with your password."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance, token = ApiToken.objects.create(
            user=request.user,
            expiry=settings.REST_KNOX["TOKEN_TTL"],
            name=serializer.validated_data["name"],
        )
        instance.token = token
        return Response(NewApiTokenSerializer(instance).data, status=status.HTTP_201_CREATED)

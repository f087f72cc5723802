"""Settings for CSTO KB: one module, configured through environment variables.

The defaults give a working local site on SQLite; production sets DJANGO_DEBUG=0,
DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from cstokb.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - debug only

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation requires.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "axes",
    "presidencies",
    "documents",
    "health",
    "backups",
    "corpus",
    "web",
    "search",
    "importer",
    "provenance",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 503 instead of a 500 when the database is down; anonymous public pages cached whole.
    "health.middleware.DatabaseUnavailableMiddleware",
    "pagecache.middleware.PublicPageCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the public page's address; for the API and the admin, the reader's
    # choice or browser (cstokb/middleware.py).
    "cstokb.middleware.LanguageMiddleware",
    # A too-large API body is refused before anything reads it, in that language.
    "api.errors.APIBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that a locked-out login never reaches the view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cstokb.urls"
WSGI_APPLICATION = "cstokb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------
# SQLite file in the project folder unless DATABASE_URL says otherwise.
CONN_MAX_AGE = env_int("DJANGO_CONN_MAX_AGE", 60)
# Fail fast when PostgreSQL is unreachable rather than hang a worker (seconds).
DB_CONNECT_TIMEOUT = env_int("DJANGO_DB_CONNECT_TIMEOUT", 3)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and a test live server share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the unprefixed URLs, Russian under /ru/ (cstokb/urls.py, i18n_patterns).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
# Editorial labels (theme names, priority titles, notes) in both languages through
# django-modeltranslation (<app>/translation.py); a Russian page shows the English where the
# Russian is missing. The English is required, and the unsuffixed column keeps it.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_REQUIRED_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Cache -----------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Redis down means slower pages (every request rendered), not failed ones.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        },
        # Each process's copy of revision-keyed entries read from Redis (cstokb/cache.py).
        "local": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "revision-copies",
            "OPTIONS": {"MAX_ENTRIES": env_int("LOCAL_CACHE_ENTRIES", 500)},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# --- Admin and editors -----------------------------------------------------
ADMIN_URL = env_str("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
# Wrong passwords for one username from one address before that pair is locked; the address
# as a whole is locked after AXES_IP_FAILURE_LIMIT, whatever the usernames (lockout/axes.py).
# Unlock: `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS` (deploy/DEPLOY.md).
AXES_USER_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_IP_FAILURE_LIMIT = env_int("AXES_IP_FAILURE_LIMIT", 50)
AXES_FAILURE_LIMIT = "lockout.axes.failure_limit"
AXES_LOCKOUT_PARAMETERS = "lockout.axes.lockout_parameters"
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Behind N reverse proxies the visitor's address is in X-Forwarded-For; without this, every
# visitor would share the proxy's address and one guesser would lock all editors out.
TRUSTED_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "lockout.client_ip.client_ip"
# Fits the importer's review of a 2 MB statement; a bigger paste gets the form's own error.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
# The largest real statement is 8 KB: a document's text may be as long as the 2 MB the
# importer accepts, an API body 4 MB (that text as UTF-8 JSON); more is a 413 in JSON.
DOCUMENT_TEXT_MAX_CHARS = 2 * 1024 * 1024
API_MAX_BODY_BYTES = env_int("API_MAX_BODY_BYTES", 4 * 1024 * 1024)
# The importer fetches statement pages from editors' URLs: never from loopback, private or
# link-local addresses unless this is on (tests serving pages on 127.0.0.1); seconds per
# connect and per read (a whole fetch gets three times that).
IMPORTER_ALLOW_PRIVATE_URLS = env_bool("IMPORTER_ALLOW_PRIVATE_URLS", False)
IMPORTER_FETCH_TIMEOUT = env_int("IMPORTER_FETCH_TIMEOUT", 10)

# --- REST framework --------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: an anonymous write is told to authenticate (401 with WWW-Authenticate).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "api.renderers.KnowledgeBaseCSVRenderer",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.FormatFirstNegotiation",
    # Writes are JSON only: a form cannot say null, an empty list or a nested object, so the
    # same body would mean different things in each encoding.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_PERMISSION_CLASSES": [
        # Reads for anyone; a write needs the model's add, change or delete permission.
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "api.filters.KnowledgeBaseFilterBackend",
        "api.filters.StableOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.KnowledgeBasePagination",
    # Django's "No X matches the given query." in the client's language.
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "api.schema.KnowledgeBaseAutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonWindowThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_THROTTLE_RATE", "600/minute")},
}
# API tokens (django-rest-knox): only a digest is stored; each token expires.
KNOX_TOKEN_MODEL = "api.ApiToken"  # noqa: S105 - a model name
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=env_int("API_TOKEN_TTL_DAYS", 90)),
    "AUTH_HEADER_PREFIX": "Token",
}
# The throttle's counters (api/throttling.py) live in the default cache, Redis when deployed.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_CACHE_PREFIX = "throttle:"
# Redis down: let requests through rather than refuse every client.
RATELIMIT_FAIL_OPEN = True
SPECTACULAR_SETTINGS = {
    "TITLE": "CSTO KB API",
    "DESCRIPTION": (
        "Chairmanships of the Collective Security Treaty Organization, their priorities and "
        "the documents that state them, every fact backed by a verbatim quote.\n\n"
        "Reads are public and paginated (`page`, `page_size` up to 100); `?format=csv` gives "
        "a list as CSV; `updated_since` with `ordering=updated_at` syncs changes. Responses "
        "carry `ETag` and `Last-Modified`: send `If-None-Match` for a `304`. Writes need an "
        "editor's token (`Authorization: Token <key>`) or session; `If-Unmodified-Since` "
        "refuses a write based on a stale read (`412`). The whole knowledge base: "
        "`/api/v1/bulk/`."
    ),
    "VERSION": "1.0.0",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.forbid_nul_in_requests",
        "api.schema_rules.add_body_rules",
        "api.schema.describe_urls_and_csv",
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Tags and operation ids by resource ("presidencies_retrieve"), not by "v1".
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "ENUM_NAME_OVERRIDES": {
        "DocumentKindEnum": "documents.models.DocumentKind",
        "SummitKindEnum": "presidencies.models.Summit.Kind",
        "PriorityStatusEnum": "presidencies.models.Priority.Status",
        "SummitStatusEnum": "presidencies.models.Summit.Status",
        "CitationRoleEnum": "documents.models.Citation.Role",
    },
}

# Bulk downloads written by `manage.py export_bulk_data` and served under /api/v1/bulk/.
BULK_DATA_DIR = Path(env_str("BULK_DATA_DIR", str(BASE_DIR / "var" / "bulk")))
# Absolute base of page URLs in the bulk files (which are written without a request).
SITE_URL = env_str("CSTOKB_SITE_URL", "").rstrip("/")

CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True

# --- Security (checked by `manage.py check --deploy`) ----------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
# Behind a TLS-terminating proxy: e.g. DJANGO_SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO
if proxy_header := env_str("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (proxy_header, "https")
SESSION_COOKIE_HTTPONLY = True
# Load balancers probe over plain HTTP inside the network: no redirect to https for them.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# --- Logging to stdout -----------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        }
    },
    "filters": {
        "once_per_interval": {
            "()": "cstokb.logfilters.OncePerInterval",
            "seconds": env_int("CACHE_OUTAGE_LOG_SECONDS", 60),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Redis down: one line per interval, the rest counted (cstokb/logfilters.py).
        "django_redis.cache": {"filters": ["once_per_interval"]},
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# --- Operations: the database under load, the replica, the page cache ------------------------
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = DB_CONNECT_TIMEOUT
    # Set for the web server's processes by deploy/serve.py: a query running longer is
    # cancelled (the request answers 503), so none holds a worker indefinitely.
    if statement_ms := env_int("DJANGO_DB_STATEMENT_TIMEOUT_MS", 0):
        DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={statement_ms}"
# Reads to a replica, writes to the primary (cstokb/db_router.py).
if replica_url := env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        replica_url,
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = DB_CONNECT_TIMEOUT
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["cstokb.db_router.ReplicaRouter"]
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# What views compute once per revision beside the pages (cstokb.cache.per_revision: totals,
# the theme matrix, publishers, suggestions); both switches off measure the views themselves.
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
# Entries are keyed on the KB revision (one row in the database), so an edit invalidates them
# in every worker at once; the timeout only bounds memory held by stale entries.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PUBLIC_CACHE_MAX_AGE = env_int("PUBLIC_CACHE_MAX_AGE", 60)
# How long a process may reuse the knowledge-base revision it read (cstokb/cache.py).
KB_REVISION_CACHE_MS = env_int("KB_REVISION_CACHE_MS", 1000)
# The apps whose rows are the knowledge base: a change to any of them bumps the revision
# (cstokb/cache.py), and a backup holds them (backups/backup.py). The revision counter is a model
# of its own, named here so that cstokb/ depends on no app.
KB_APPS = ("presidencies", "documents")
KB_REVISION_MODEL = "presidencies.KnowledgeBaseRevision"

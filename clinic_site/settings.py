"""Settings for clinic_site, read from the environment.

Local work needs no environment at all (`make run` sets DJANGO_DEBUG); production
names its database, cache, mail server and secret. Malformed values stop the start.
See the table in docs/deployment.md.
"""

import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name, str(default)).lower()
    if value not in {"true", "false", "1", "0", "yes", "no", "on", "off"}:
        raise ImproperlyConfigured(f"{name} should be true or false, not {value!r}")
    return value in {"true", "1", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env_str(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} should be a whole number, not {value!r}"
        ) from None


def env_rate(name: str, default: str) -> tuple[int, int]:
    """A rate written "count/seconds", both whole numbers above 0."""
    value = env_str(name, default)
    if not (match := re.fullmatch(r"([1-9][0-9]*)/([1-9][0-9]*)", value)):
        raise ImproperlyConfigured(
            f"{name} should be a count and seconds above 0, like 5/600, not {value!r}"
        )
    return int(match[1]), int(match[2])


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# Core

DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off"
        )
    SECRET_KEY = "django-insecure-local-only"  # `check --deploy` flags it (W009)
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

ROOT_URLCONF = "clinic_site.urls"
WSGI_APPLICATION = "clinic_site.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "clinic_site.apps.ClinicAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "clinic_site.app_names.BackupCodesConfig",  # django_otp's, under plain names
    "clinic_site.app_names.AuthenticatorAppsConfig",
    "two_factor",
    "clinic_site.app_names.SignInAttemptsConfig",  # axes
    "csp",
    "reversion",
    "clinic_site.app_names.TagsConfig",  # taggit
    "django_prose_editor",
    "clinic_site",
    "clinic",
    "blog",
    "pages",
    "search",
    "readership",
    "appointments",
    "wordpress",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "clinic_site.middleware.RequestSizeLimitMiddleware",
    "clinic_site.middleware.UnreadableRequestMiddleware",
    "clinic_site.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "readership.middleware.ReadershipMiddleware",
    "clinic_site.page_cache.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "clinic_site.middleware.ConditionalGetMiddleware",  # 304s keep the page's CSP
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "clinic_site.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wordpress.middleware.WordPressLinkMiddleware",
    "clinic.middleware.RedirectFallbackMiddleware",
    "axes.middleware.AxesMiddleware",
]

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
                "clinic_site.context_processors.clinic",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL when DATABASE_URL names it.

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
except ValueError as error:
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a database address: {error}"
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE takes the write lock at BEGIN, so a transaction that reads and then
    # writes waits for the lock (up to `timeout` seconds) instead of failing with
    # "database is locked". WAL lets readers run beside the one writer. secure_delete
    # zeroes what is deleted, so a purged request cannot be read from the file.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA secure_delete=ON;"
        ),
    }
    # A file, not memory, so threads and the live server share the test database;
    # one per test run, so two runs at once do not trample each other.
    DATABASES["default"]["TEST"] = {
        "NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")
    }
# Each gunicorn worker keeps its connection between requests. On SQLite too: a new
# connection per request rereads the schema and starts with an empty page cache
# (measured with wrk at 100,000 articles: keeping it serves 18-45% more uncached pages
# per second).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Cache: Redis shared by every server when REDIS_URL is set, else this process only.

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "clinic_site.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "clinic"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Readership counters (readership/tally.py) apart, so that pages never push counts
# out of a process's memory before they are written; in Redis they share the server.
CACHES["readership"] = CACHES["default"] | (
    {} if REDIS_URL else {"LOCATION": "readership", "OPTIONS": {"MAX_ENTRIES": 100_000}}
)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)  # 0: no whole-page cache
# A reverse proxy may keep a kept page as long as we do (s-maxage), and answer with
# it this long past that while it fetches a fresh one (stale-while-revalidate).
PROXY_STALE_SECONDS = env_int("PROXY_STALE_SECONDS", 30)
# Purging the proxy's copies by surrogate key after a change (clinic_site/purging.py):
# where to send the purge (Varnish: its own address, e.g. http://127.0.0.1:6081/),
# and how (a class with purge(keys)). No URL: there is no proxy to purge.
CACHE_PURGE_URL = env_str("CACHE_PURGE_URL")
CACHE_PURGER = env_str("CACHE_PURGER", "clinic_site.purging.VarnishPurger")
# Navigation, footer and article cards, kept per content version (so never stale).
FRAGMENT_CACHE_SECONDS = 24 * 60 * 60

# Readership (readership/): views added up in each process for a second, then
# counted in the cache, and written to the database in batch windows;
# without Redis each process writes its own counts. Daily rows older than
# READERSHIP_DAILY_DAYS are rolled up into months.
READERSHIP_COUNTING = env_bool("READERSHIP_COUNTING", True)
READERSHIP_BATCH_SECONDS = env_int("READERSHIP_BATCH_SECONDS", 60)
READERSHIP_REPEAT_SECONDS = env_int("READERSHIP_REPEAT_SECONDS", 30 * 60)
READERSHIP_PUSH_SECONDS = 1.0  # each process adds up its views this long first
READERSHIP_FLUSH_INLINE = env_bool("READERSHIP_FLUSH_INLINE", not REDIS_URL)
READERSHIP_DAILY_DAYS = env_int("READERSHIP_DAILY_DAYS", 2 * 365)

# Sessions are for staff only; anonymous readers get no cookie.

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 8 * 60 * 60  # the absolute limit of a staff session
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Staff sign-in: a lockout after repeated failures (axes), and a second factor
# (TOTP) for every account that can see appointment requests (two_factor).

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "clinic_site.client.client_address"
AXES_VERBOSE = False
TWO_FACTOR_REMEMBER_COOKIE_AGE = None

_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATION}.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": f"{_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATION}.NumericPasswordValidator"},
]

# HTTPS and headers

BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Off only for plain-HTTP runs on 127.0.0.1 (benchmarks); `check --deploy` flags it.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool(
    "DJANGO_SECURE_COOKIES", not DEBUG
)
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# No inline script anywhere; a nonce only where a page asks for one (the editor's
# import map in the admin). No third-party origin at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Request bodies: refused before they are read when larger than these (bytes).
MAX_REQUEST_BYTES = 256 * 1024
MAX_STAFF_REQUEST_BYTES = 12 * 1024 * 1024  # the admin: a 10 MB picture and the form
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

# Email: through the named mail server. Without one, printed to the console on a
# developer's machine, and neither sent nor printed (it holds visitors' addresses) in
# production, where `check --deploy` warns (clinic_site/checks.py).

EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "clinic_site.mail.UnsentMailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "appointments@clinic.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Site administrators", address) for address in env_list("DJANGO_ADMINS")]
# Error reports without what people typed or carry (clinic_site/error_reports.py).
DEFAULT_EXCEPTION_REPORTER = "clinic_site.error_reports.PrivacyReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "clinic_site.error_reports.PrivacyFilter"

# The clinic: its name and phone live in the site settings (the admin); these only
# fill them in on the first `migrate`, and serve error pages that cannot read them.

DEMO_CLINIC_NAME = "Riverside Bone & Joint Clinic"  # first-run checks warn of these
DEMO_CLINIC_PHONE = "(617) 555-0100"
CLINIC_NAME = env_str("CLINIC_NAME", DEMO_CLINIC_NAME)
CLINIC_PHONE = env_str("CLINIC_PHONE", DEMO_CLINIC_PHONE)
OTP_TOTP_ISSUER = CLINIC_NAME  # the name staff see in their authenticator app
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
APPOINTMENT_NOTIFY_EMAILS = env_list(
    "APPOINTMENT_NOTIFY_EMAILS", "frontdesk@clinic.example"
)
# Requests per visitor address in a sliding window: (count, seconds), from "5/600".
# Accepted requests and posts caught by the traps count; mistakes do not.
APPOINTMENT_RATE_LIMIT = env_rate("APPOINTMENT_RATE_LIMIT", "5/600")
# For load tests that post from one address only; `check --deploy` warns while it is on.
APPOINTMENT_RATE_LIMIT_OFF = env_bool("APPOINTMENT_RATE_LIMIT_OFF")
# Searches a minute from one client address (0: no limit, as the benchmark's load
# comes from one address).
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 30)
APPOINTMENT_MIN_FILL_SECONDS = env_int("APPOINTMENT_MIN_FILL_SECONDS", 3)
APPOINTMENT_RETENTION_DAYS = env_int("APPOINTMENT_RETENTION_DAYS", 365)
# The front desk's promise to call back, in weekday hours; later, a new request is
# marked overdue in the list.
APPOINTMENT_RESPONSE_HOURS = env_int("APPOINTMENT_RESPONSE_HOURS", 24)
# Send notifications right after the request commits, in the web process. Production
# leaves this off and runs `manage.py notification_worker` beside the servers.
NOTIFICATIONS_INLINE = env_bool("NOTIFICATIONS_INLINE", DEBUG)
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "clinic-demo-2026")

# Internationalisation

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

# Static and media files

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True) and not env_str("MEDIA_S3_BUCKET")
# Media on local disk by default; on S3-compatible storage when a bucket is named.
MEDIA_BUCKET = env_str("MEDIA_S3_BUCKET")
if MEDIA_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env_str("MEDIA_S3_REGION") or None,
            "access_key": env_str("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,  # public pictures: plain, cacheable URLs
            "file_overwrite": False,
            "object_parameters": {
                "CacheControl": "public, max-age=31536000, immutable"
            },
        },
    }
    media_options = MEDIA_STORAGE["OPTIONS"]
    MEDIA_ORIGIN = (
        f"https://{media_options['custom_domain']}"
        if media_options["custom_domain"]
        else media_options["endpoint_url"] or f"https://{MEDIA_BUCKET}.s3.amazonaws.com"
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(MEDIA_ORIGIN)
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600  # unhashed names; hashed ones get a year and `immutable`

# Logging: to standard error, never with request bodies or form values.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

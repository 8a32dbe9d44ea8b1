"""One settings module for every environment; only environment variables differ.

Every variable read here is listed, with its default, in `.env.example`.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# --- Django core -----------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The default key only suits a local demo; `check --deploy` flags it in production.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-thrive-circles-local-demo-key")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's assets, so /api/docs/ needs no CDN
    "django_celery_beat",
    "waffle",
    "core.users",
    "core.points",
    "core.circles",
    "core.fairplay",
    "core.insights",
    "core.launch",
    "core.live",
    "core.together",
    "core.chat",
    "core.alerts",
    "core.quests",
    "core.preferences",
    "core.moments",
    "core.activities",
    "core.battles",
    "core.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.http.middleware.content_security_policy",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"
AUTH_USER_MODEL = "users.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database and cache ----------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite under `make run` (two gunicorn workers and the activity simulator): WAL lets readers go on
    # while one process writes; a transaction takes the write lock when it begins (IMMEDIATE), so a
    # second writer waits up to `timeout` seconds for it instead of failing at once with "database is
    # locked" when it tries to upgrade a read (the daily login, sent while the page's other requests
    # write, reads and then writes); awards still retry a lock that outlasts the wait
    # (core/db.py). synchronous=NORMAL is WAL's usual pairing: durable except on power loss.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env.int("THRIVE_SQLITE_TIMEOUT", default=20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
elif env.int("DATABASE_POOL_MAX_SIZE", default=0):
    # Under the ASGI server every request's and socket's database work runs in a thread of its own,
    # each with its own connection: four workers serving 100 people opened more than PostgreSQL's
    # 100 (bench/load_test.py). A psycopg pool per process bounds them; a request waits for a free
    # connection up to DATABASE_POOL_TIMEOUT seconds instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env.int("DATABASE_POOL_MAX_SIZE"),
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)

CACHE_URL = env("CACHE_URL", default="locmemcache://")
# Redis answers within this (connect and read) or counts as down; while down the site works from
# the database and leaves Redis alone for CACHE_RETRY_SECONDS (core/cache.py, docs/operations.md).
CACHE_TIMEOUT_SECONDS = env.float("CACHE_TIMEOUT_SECONDS", default=0.5)
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", default=10.0)
# Rate limits (API throttles, sign-in failures) must count across every worker, so they never use a
# per-process cache: the default is CACHE_URL when it is shared (Redis), else files in var/ that all
# workers of this host share. Several hosts without Redis: `dbcache://thrive_throttle` after
# `manage.py createcachetable`.
_PER_PROCESS_CACHES = ("locmemcache://", "dummycache://")
THROTTLE_CACHE_URL = env(
    "THROTTLE_CACHE_URL",
    default=f"filecache://{BASE_DIR / 'var' / 'throttle'}" if CACHE_URL.startswith(_PER_PROCESS_CACHES) else CACHE_URL,
)


def _cache(url: str, **extra) -> dict:
    """A cache alias from a URL; Redis gets the fail-open backend with short timeouts."""
    config = {**environ.Env.cache_url_config(url), **extra}
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "core.cache.FailOpenRedisCache"
        config["OPTIONS"] = {
            "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
            "socket_timeout": CACHE_TIMEOUT_SECONDS,
            "retry_seconds": CACHE_RETRY_SECONDS,
            **config.get("OPTIONS", {}),
        }
    return config


CACHES = {
    "default": _cache(CACHE_URL),
    # Feature flags (django-waffle) on the same backend with a short timeout: saving a flag clears it
    # at once in a shared cache (Redis) and in the saving process; other processes with a per-process
    # cache (locmem) see the change within THRIVE_FLAG_CACHE_SECONDS.
    "flags": _cache(
        "locmemcache://thrive-flags" if CACHE_URL == "locmemcache://" else CACHE_URL,
        TIMEOUT=env.int("THRIVE_FLAG_CACHE_SECONDS", default=30),
    ),
    "throttle": _cache(THROTTLE_CACHE_URL),
}

# --- Accounts, language and time -------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in limits (API and admin, core/users/signin_limits.py): after this many failed sign-ins for
# one account, or from one client address (DJANGO_NUM_PROXIES), sign-in is refused until the window
# that began with the first failure is over.
AUTHENTICATION_BACKENDS = [
    "core.users.backends.SignInLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
THRIVE_SIGNIN_ACCOUNT_FAILURES = env.int("THRIVE_SIGNIN_ACCOUNT_FAILURES", default=10)
THRIVE_SIGNIN_ADDRESS_FAILURES = env.int("THRIVE_SIGNIN_ADDRESS_FAILURES", default=50)
THRIVE_SIGNIN_LOCKOUT_MINUTES = env.int("THRIVE_SIGNIN_LOCKOUT_MINUTES", default=15)

# Password-reset emails (core/users/services.py) go out through EMAIL_URL (see the alerts below):
# consolemail:// prints them in the server's log, which suits the demo. With filemail:// they are
# written under EMAIL_FILE_PATH (the browser tests read them there).
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Thrive Circles <no-reply@localhost>")
# The host name in emailed links; empty: the host the request came to.
THRIVE_SITE_DOMAIN = env("THRIVE_SITE_DOMAIN", default="")
# A reset link works for this long (and only once).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 3600)

LANGUAGE_CODE = "en-us"
# Week boundaries (Monday 00:00) follow this time zone.
TIME_ZONE = env("THRIVE_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- Static files: the built front end -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
FRONTEND_DIST = BASE_DIR / "frontend" / "dist"
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.exists() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# In development WhiteNoise serves frontend/dist straight from the finders and rescans it on every
# request, so a rebuilt front end shows without collectstatic; in production only STATIC_ROOT.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- Security --------------------------------------------------------------------------------
# Secure by default behind HTTPS, relaxed only for the local demo over http.
SECURE_SSL = env.bool("DJANGO_SECURE_SSL", default=False)
SESSION_COOKIE_SECURE = SECURE_SSL
CSRF_COOKIE_SECURE = SECURE_SSL
SECURE_SSL_REDIRECT = SECURE_SSL
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000 if SECURE_SSL else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_SSL
SECURE_HSTS_PRELOAD = SECURE_SSL
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_SSL else None
SESSION_COOKIE_HTTPONLY = True
# Sent on every response (core/http/middleware.py). Scripts and styles only from this site, no
# inline ones: the page (Vite build), the admin and the API docs (drf-spectacular-sidecar) all work
# under it. Images may also come from https: (profile pictures are URLs); 'self' covers same-origin
# websockets.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# --- API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: DRF answers an unauthenticated call 401 with `WWW-Authenticate` (as the schema
    # says) only when the first class names a scheme; session auth has none and gave 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["core.http.parsers.SafeJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.exceptions.exception_handler",
    # On the "throttle" cache, which every worker shares (see CACHES).
    "DEFAULT_THROTTLE_CLASSES": [
        "core.http.throttling.UserRateThrottle",
        "core.http.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env("THRIVE_USER_THROTTLE", default="600/min"),
        "anon": env("THRIVE_ANON_THROTTLE", default="60/min"),
    },
    # How many proxies in front of the app append to X-Forwarded-For: the client's address is the
    # entry that many from the right (0: REMOTE_ADDR, the header is ignored). Unset, DRF would key
    # rate limits on the whole header, which the client chooses (docs/operations.md).
    "NUM_PROXIES": env.int("DJANGO_NUM_PROXIES", default=0),
}

# Scavenger hunt answers per user (core/quests): a limit against guessing, apart from "user" above.
THRIVE_QUEST_ANSWER_THROTTLE = env("THRIVE_QUEST_ANSWER_THROTTLE", default="10/min")

SPECTACULAR_SETTINGS = {
    "TITLE": "Thrive Circles API",
    "DESCRIPTION": "Weekly Thrive Circles, XP and levels. No rankings.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # `<id:...>` in URLs (core/http/converters.py): an integer of at most 18 digits.
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0, "maximum": 999_999_999_999_999_999}},
    # Swagger UI from the sidecar package (pinned in requirements.lock), served from /static/.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Two choice sets share the field name activity_type: every activity (awards as recorded) and
    # those the ingestion API accepts (not the quest engine's rewards). Kudos reactions appear in the
    # feed and in the kudos request: one enum for both.
    "ENUM_NAME_OVERRIDES": {
        "ActivityTypeEnum": "core.points.models.ActivityType.choices",
        "IngestibleActivityTypeEnum": "core.points.models.INGESTIBLE_ACTIVITY_CHOICES",
        "ReactionEnum": ["clap", "heart", "sparkles", "rocket", "flower"],
    },
}

# --- Logging ---------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

# --- Soft launch (core/launch, docs/operations.md) ---------------------------------------------
# Who sees Thrive Circles is the django-waffle flag
# `thrive_circles`, managed in the admin. The data migrations leave a fresh install in beta (staff, the
# beta group) and keep an upgraded install as it was; `seed_demo` opens it to all; a missing flag
# means off. Its percentage is applied per signed-in user (core/launch/flags.py), not per browser
# cookie, so waffle's middleware (which only writes those cookies) is not installed.
WAFFLE_CACHE_NAME = "flags"
WAFFLE_FLAG_DEFAULT = False
WAFFLE_SECURE = SECURE_SSL

# --- Thrive Circles: circles and weeks (core/circles) ------------------------------------------
THRIVE_CIRCLE_SIZE = env.int("THRIVE_CIRCLE_SIZE", default=25)
THRIVE_CIRCLE_MIN_SIZE = env.int("THRIVE_CIRCLE_MIN_SIZE", default=20)
THRIVE_CIRCLE_MAX_SIZE = env.int("THRIVE_CIRCLE_MAX_SIZE", default=30)
# A level with fewer eligible people shares circles with a neighbour (the plan's risk section).
THRIVE_MIN_LEVEL_SIZE = env.int("THRIVE_MIN_LEVEL_SIZE", default=THRIVE_CIRCLE_MIN_SIZE)
# Mid-week, a new circle opens only for at least this many people; fewer join a full circle.
THRIVE_NEW_CIRCLE_MIN_SIZE = env.int("THRIVE_NEW_CIRCLE_MIN_SIZE", default=5)
THRIVE_INACTIVE_DAYS = env.int("THRIVE_INACTIVE_DAYS", default=28)
THRIVE_ASSIGNMENT_LEAD_HOURS = env.int("THRIVE_ASSIGNMENT_LEAD_HOURS", default=6)
# Accounts that are not learners are never placed in a circle (core/circles/assignment/eligibility.py):
# staff and superusers (unless THRIVE_PLACE_STAFF) and members of this group (service accounts).
THRIVE_PLACE_STAFF = env.bool("THRIVE_PLACE_STAFF", default=False)
THRIVE_NOT_PLACED_GROUP = env("THRIVE_NOT_PLACED_GROUP", default="Not placed in Thrive Circles")
# Above this many eligible people, the Celery task splits a week built ahead of its reset into
# bands of about this many people that several workers seat in parallel (assignment/parallel.py);
# 0 keeps every run in one process and one transaction.
THRIVE_ASSIGNMENT_BAND_SIZE = env.int("THRIVE_ASSIGNMENT_BAND_SIZE", default=100_000)
# Database connections that copy a week's circles to `current_circle` side by side after the
# weekly job seats it (assignment/publishing.py; PostgreSQL only). 1: one connection.
THRIVE_PUBLISH_CONNECTIONS = env.int("THRIVE_PUBLISH_CONNECTIONS", default=2)
# Nearby time zones sit together: the weekly job seats each run of this many circles of a level
# (neighbours in XP) ordered by the members' UTC offset, then XP (assignment/ranking.py). 1 turns
# it off (pure XP order); larger values group zones better and widen each circle's XP range.
THRIVE_ZONE_BAND_CIRCLES = env.int("THRIVE_ZONE_BAND_CIRCLES", default=3)
if THRIVE_ZONE_BAND_CIRCLES < 1:
    raise ImproperlyConfigured("THRIVE_ZONE_BAND_CIRCLES must be 1 or more.")
# The platform's page of a person's own projects (where they publish one or mark a milestone).
# Empty (the demo, which has no such page): those two never appear among the recommended actions.
THRIVE_PROJECTS_URL = env("THRIVE_PROJECTS_URL", default="")
# The weekly reset: Monday at this hour in TIME_ZONE. The one source for weeks, the countdown, the
# self-healing and the Celery beat schedule below (core/circles/weeks.py).
THRIVE_RESET_HOUR = env.int("THRIVE_RESET_HOUR", default=0)
if not 0 <= THRIVE_RESET_HOUR <= 22:
    raise ImproperlyConfigured("THRIVE_RESET_HOUR must be an hour from 0 to 22.")

# --- Operations: the weekly job, self-healing and monitoring (docs/operations.md) --------------
# Monitoring: missing circles are an alarm this many hours after the week started.
THRIVE_ASSIGNMENT_GRACE_HOURS = env.int("THRIVE_ASSIGNMENT_GRACE_HOURS", default=2)
# A run still "running" after this long was killed half way (its transaction rolled back).
THRIVE_ASSIGNMENT_STUCK_MINUTES = env.int("THRIVE_ASSIGNMENT_STUCK_MINUTES", default=30)
# When the page finds the running week without circles, build them: "thread" (in the background of
# the web process; needs no broker), "celery" (queue the task), "inline" (in the request; small
# communities and tests) or "off" (only show last week's circle as ended).
THRIVE_SELF_HEAL = env("THRIVE_SELF_HEAL", default="thread")
if THRIVE_SELF_HEAL not in {"thread", "celery", "inline", "off"}:
    raise ImproperlyConfigured("THRIVE_SELF_HEAL must be one of thread, celery, inline, off.")
# Self-healing asks again at most this often per week (a failed or empty run is not retried sooner).
THRIVE_SELF_HEAL_RETRY_MINUTES = env.int("THRIVE_SELF_HEAL_RETRY_MINUTES", default=10)

# --- A living circle: WebSockets and the channel layer (core/live, docs/realtime.md) ------------
# With REDIS_URL, channels-redis carries messages between server processes and machines; its
# pub/sub layer fans out to many sockets faster than the list-based one (docs/benchmarks.md).
# Without it, a layer backed by the database reaches the server from any process on the machine.
REDIS_URL = env("REDIS_URL", default="")
LIVE_CHANNEL_LAYER = env("LIVE_CHANNEL_LAYER", default="pubsub")
if LIVE_CHANNEL_LAYER not in {"pubsub", "list"}:
    raise ImproperlyConfigured("LIVE_CHANNEL_LAYER must be pubsub or list.")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer"
            if LIVE_CHANNEL_LAYER == "pubsub"
            else "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": env("LIVE_CHANNEL_PREFIX", default="thrive")},
        }
    }
else:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "core.live.layers.DatabaseChannelLayer",
            "CONFIG": {"poll_interval": env.float("LIVE_DB_POLL_SECONDS", default=0.1)},
        }
    }
# An open page refreshes its presence with every ping (25 s); after this long without one it counts as gone.
LIVE_PRESENCE_STALE_SECONDS = env.int("LIVE_PRESENCE_STALE_SECONDS", default=90)
# The circle goal (core/together, docs/realtime.md): STRETCH x the members' average weekly XP over the
# previous LOOKBACK weeks, at least MIN_XP_PER_MEMBER per member; reaching it gives BONUS_XP to each
# member who earned XP that week.
THRIVE_GOAL_STRETCH = env.float("THRIVE_GOAL_STRETCH", default=1.1)
THRIVE_GOAL_LOOKBACK_WEEKS = env.int("THRIVE_GOAL_LOOKBACK_WEEKS", default=4)
THRIVE_GOAL_MIN_XP_PER_MEMBER = env.int("THRIVE_GOAL_MIN_XP_PER_MEMBER", default=20)
THRIVE_GOAL_BONUS_XP = env.int("THRIVE_GOAL_BONUS_XP", default=15)
# Kudos one person may give (a DRF rate: "30/min"); past it, 429.
THRIVE_KUDOS_RATE = env("THRIVE_KUDOS_RATE", default="30/min")
# --- Circle chat (core/chat, docs/chat.md) ----------------------------------------------------------
# Off: no chat anywhere (the endpoints answer 404, the page shows no chat panel).
THRIVE_CHAT_ENABLED = env.bool("THRIVE_CHAT_ENABLED", default=True)
# Per person: at most RATE_MESSAGES messages in RATE_SECONDS (then 429, or an error on the socket).
THRIVE_CHAT_RATE_MESSAGES = env.int("THRIVE_CHAT_RATE_MESSAGES", default=5)
THRIVE_CHAT_RATE_SECONDS = env.int("THRIVE_CHAT_RATE_SECONDS", default=10)
# The same text from the same person again within this many seconds is refused (409).
THRIVE_CHAT_DUPLICATE_SECONDS = env.int("THRIVE_CHAT_DUPLICATE_SECONDS", default=60)
# The word filter masks listed words with asterisks (better-profanity's list, plus EXTRA, minus ALLOW;
# comma-separated).
THRIVE_CHAT_WORD_FILTER = env.bool("THRIVE_CHAT_WORD_FILTER", default=True)
THRIVE_CHAT_WORD_FILTER_EXTRA = env.list("THRIVE_CHAT_WORD_FILTER_EXTRA", default=[])
THRIVE_CHAT_WORD_FILTER_ALLOW = env.list("THRIVE_CHAT_WORD_FILTER_ALLOW", default=[])
# A moderator's mute from the admin's actions lasts this long.
THRIVE_CHAT_MUTE_HOURS = env.float("THRIVE_CHAT_MUTE_HOURS", default=24)
# Messages are deleted this many days after the end of their week (reports are kept).
THRIVE_CHAT_RETENTION_DAYS = env.int("THRIVE_CHAT_RETENTION_DAYS", default=30)

# --- Alerts to operators (core/alerts, core/circles/ops/alerts.py, docs/operations.md) -----------
# Who gets the alert mails (Django's mail_admins): comma-separated addresses. Empty: no mail is sent
# (the ERROR log line and the webhook still go out).
ADMINS = [(address, address) for address in env.list("DJANGO_ADMINS", default=[])]
SERVER_EMAIL = env("DJANGO_SERVER_EMAIL", default="thrive-circles@localhost")
EMAIL_SUBJECT_PREFIX = "[Thrive Circles] "
# How mail leaves: consolemail:// (printed to stdout, the default), smtp+tls://user:pass@host:587, ...
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=_email.get("EMAIL_FILE_PATH") or str(BASE_DIR / "sent-emails"))
EMAIL_TIMEOUT = 10
# Optional: the same JSON as the mail, POSTed here (a chat or paging tool's incoming webhook).
THRIVE_ALERT_WEBHOOK_URL = env("THRIVE_ALERT_WEBHOOK_URL", default="")
if THRIVE_ALERT_WEBHOOK_URL and not THRIVE_ALERT_WEBHOOK_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured("THRIVE_ALERT_WEBHOOK_URL must be an http:// or https:// URL.")
THRIVE_ALERT_WEBHOOK_TIMEOUT_SECONDS = env.float("THRIVE_ALERT_WEBHOOK_TIMEOUT_SECONDS", default=5.0)
# The weekly run has not finished this many minutes after the reset (Monday, THRIVE_RESET_HOUR): alert.
THRIVE_ALERT_ASSIGNMENT_LATE_MINUTES = env.int("THRIVE_ALERT_ASSIGNMENT_LATE_MINUTES", default=60)
# Failed XP awards (unexpected errors in PointsService, counted in the cache) in the last 5 minutes
# that raise the award-error alert; 0 switches it off.
THRIVE_ALERT_AWARD_ERRORS = env.int("THRIVE_ALERT_AWARD_ERRORS", default=10)

# --- Activities (core/activities): questions per Quick Quiz, drawn from the admin's question bank.
THRIVE_QUIZ_LENGTH = env.int("THRIVE_QUIZ_LENGTH", default=3)

# --- Fair play (docs/fair-play-and-metrics.md) -------------------------------------------------
# Per-activity limits live in the database (admin: Fair play > Fair-play rules). A circle week is
# flagged for review when its XP is above THRIVE_SPIKE_FLOOR_XP and above THRIVE_SPIKE_MULTIPLIER x
# the median XP of the person's previous THRIVE_SPIKE_LOOKBACK_WEEKS weeks.
THRIVE_SPIKE_MULTIPLIER = env.float("THRIVE_SPIKE_MULTIPLIER", default=3.0)
THRIVE_SPIKE_FLOOR_XP = env.int("THRIVE_SPIKE_FLOOR_XP", default=600)
THRIVE_SPIKE_LOOKBACK_WEEKS = env.int("THRIVE_SPIKE_LOOKBACK_WEEKS", default=4)

# --- Celery: broker and the one beat schedule (docs/operations.md) -------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default="redis://127.0.0.1:6379/1")
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
# Where tasks (and the tasks a task starts) go unless routed: a test or benchmark worker sets its own.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# A worker reserves one task at a time: the weekly job's bands are long, and a worker holding four
# of them in reserve would leave the other workers idle (docs/benchmarks.md).
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Crontabs are read in CELERY_TIMEZONE = TIME_ZONE. django-celery-beat's DatabaseScheduler copies
# these entries into its PeriodicTask table when beat starts.
CELERY_BEAT_SCHEDULE = {
    # An hour before the reset (Sunday 23:00 by default): within THRIVE_ASSIGNMENT_LEAD_HOURS, so the
    # run builds the coming week, which shows from the reset on.
    "assign-weekly-thrive-circles": {
        "task": "core.circles.tasks.assign_weekly_circles",
        "schedule": crontab(minute=0, hour=(THRIVE_RESET_HOUR - 1) % 24, day_of_week=1 if THRIVE_RESET_HOUR else 0),
    },
    # Awards are checked as they happen; this also catches XP granted outside PointsService.
    "detect-xp-spikes": {"task": "core.fairplay.tasks.detect_xp_spikes", "schedule": crontab(minute=30, hour=0)},
    # Every minute: a failed weekly run, a run not finished THRIVE_ALERT_ASSIGNMENT_LATE_MINUTES after the
    # reset, or a burst of failed XP awards alerts the operators once per incident (core/alerts).
    "check-thrive-alerts": {"task": "core.circles.tasks.check_thrive_alerts", "schedule": crontab()},
    # An hour after the reset: store the finished week's success metrics so the dashboard only
    # computes the running week.
    # Daily: chat messages THRIVE_CHAT_RETENTION_DAYS after their week are deleted (core/chat).
    "delete-expired-chat-messages": {
        "task": "core.chat.tasks.delete_expired_chat_messages",
        "schedule": crontab(minute=15, hour=3),
    },
    # Every 10 minutes: Prompt Battles whose time is up get their result and winners their XP (core/battles; idempotent).
    "close-prompt-battles": {"task": "core.battles.tasks.close_due_battles", "schedule": crontab(minute="*/10")},
    "snapshot-weekly-kpis": {
        "task": "core.insights.tasks.snapshot_weekly_kpis",
        "schedule": crontab(minute=0, hour=THRIVE_RESET_HOUR + 1, day_of_week=1),
    },
    # Hourly, because people's evenings and Monday mornings come at every hour somewhere: the
    # streak-at-risk reminder (19:00-22:59 local) and the weekly recap email (Monday 07:00-11:59
    # local), each once per person per day or week whatever the number of runs (core/notifications).
    "nudge-streaks-at-risk": {"task": "core.notifications.tasks.nudge_streaks_at_risk", "schedule": crontab(minute=5)},
    "send-weekly-recaps": {"task": "core.notifications.tasks.send_weekly_recaps", "schedule": crontab(minute=10)},
}

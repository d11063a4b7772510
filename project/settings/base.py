"""Settings every environment shares. Services come from environment variables (see .env.example).

Django's settings reference: https://docs.djangoproject.com/en/6.1/ref/settings/
"""

from datetime import timedelta

from django.utils.csp import CSP

from project.env import BASE_DIR, env, mailer_config, site_url
from project.sentry import init_sentry

# Which environment module is in force; guards destructive commands such as recreate_db.
ENVIRONMENT = "base"

# SECRET_KEY and DATABASES are set by each environment module, which says whether it has a default
# (development, and testing's SECRET_KEY) or requires the variable (production). Development and testing
# also read ALLOWED_HOSTS, EMAIL_URL or ADMIN_PASSWORD with their own defaults.
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
# A refused form post (expired or missing CSRF token) gets the site's styled 403 page.
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"
# Origins (scheme://host) allowed to POST forms when the site sits behind another host name.
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # core comes first so that its commands (rqworker, shell) extend the ones of the apps below.
    "core",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # django-rq is used as a library, not an installed app: installing it imports redis and rq in every
    # process (docs/performance.md). Its commands are listed by core (core/management/commands/rq*.py).
    # Counts failed logins and locks an account or an address out for a while (AXES_* below).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Sends the Content-Security-Policy header below (Django's own, since 6.0).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # WhiteNoise serves static files from the app itself, so gunicorn alone can serve a deploy.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's AuthenticationMiddleware, with a visitor whose can() and is_admin are False, as in flask-base.
    "core.accounts.middleware.AuthenticationMiddleware",
    # A signed-in session's server-side lifetime restarts while it is used (SESSION_COOKIE_AGE).
    "core.accounts.sessions.SlidingSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A 405 (a GET where only POST is allowed) gets the site's styled page instead of an empty body.
    "core.errors.MethodNotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Signed-in users who have not confirmed their e-mail see only the "unconfirmed" page.
    "core.accounts.middleware.UnconfirmedUserGateMiddleware",
    # Pages for signed-in users are never cached (Cache-Control: private, no-store).
    "core.accounts.middleware.PrivatePagesMiddleware",
    # Administrators set up two-factor before any admin page (TWO_FACTOR_REQUIRED_FOR_ADMINS).
    "core.twofactor.middleware.AdminTwoFactorGateMiddleware",
    # Lets the audit trail record the address of the request an administrator acted in.
    "core.audit.middleware.CurrentRequestMiddleware",
    # Turns a locked-out login into the lockout page; axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

# Pages load scripts, styles, images and fonts from this site only, and no page may frame them: a second
# line of defence behind the About page's HTML sanitiser. Keep it when adding assets: ship them.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
            # The design system's pieces ({% data_table %}, {% detail %}) need no {% load %} on a page;
            # {% url %} and {% extends %} are Django's, with what they work out again on every page
            # remembered per process (URLs of names; the layout's blocks).
            "builtins": [
                "core.templatetags.components",
                "core.templatetags.urls",
                "core.templatetags.inheritance",
            ],
        },
    },
]

# Each environment sets DATABASES = {"default": {**DATABASE_OPTIONS, **env.db("DATABASE_URL", ...)}}.
# Keep PostgreSQL connections open between requests, and check them before reuse.
DATABASE_OPTIONS = {"CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=60), "CONN_HEALTH_CHECKS": True}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
# The lockout backend (django-axes) refuses locked-out credentials before ModelBackend checks the password.
AUTHENTICATION_BACKENDS = [
    "core.accounts.lockout.LockoutBackend",
    # Django's ModelBackend, with the user's role read in the same query as the user.
    "core.accounts.backends.UserWithRoleBackend",
]
LOGIN_URL = "accounts:login"
# A login without "remember me" ends with the browser, and on the server after a day without a visit;
# "remember me" keeps it two weeks (core/accounts/sessions.py).
SESSION_COOKIE_AGE = 24 * 60 * 60
REMEMBER_ME_AGE = 14 * 24 * 60 * 60
# Only a fallback: after login users go to their role's home (Role.home_url_name).
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"
# Password-reset links expire after an hour (Django's token generator reads this).
PASSWORD_RESET_TIMEOUT = 60 * 60
# Account-confirmation links expire after a week, as in flask-base (core/accounts/tokens.py).
ACCOUNT_CONFIRMATION_TIMEOUT = 7 * 24 * 60 * 60
# How many e-mails with a link a visitor can have sent to one address per hour (core/accounts/throttle.py).
MAILED_LINKS_PER_HOUR = 3
# Links that confirm a new e-mail address expire after an hour, as in flask-base.
EMAIL_CHANGE_TIMEOUT = 60 * 60
# Argon2id first (OWASP's first choice); a login with a hash of another listed hasher re-hashes it.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Two-factor authentication (core/twofactor/, docs/security.md). When on, administrators must turn it
# on before they see any admin page; production turns it on unless the variable says false.
TWO_FACTOR_REQUIRED_FOR_ADMINS = env.bool("TWO_FACTOR_REQUIRED_FOR_ADMINS", default=False)
# Where vulnerabilities are reported (/.well-known/security.txt); adopters replace the placeholder.
SECURITY_CONTACT_EMAIL = env("SECURITY_CONTACT_EMAIL", default="security@example.com")
# Seconds a user may take between the right password and the code before logging in starts over.
TWO_FACTOR_LOGIN_TIMEOUT = 5 * 60
AUTH_PASSWORD_VALIDATORS = [
    # At most 128 characters (ASVS 2.1.2); form fields refuse longer ones too (core/accounts/validators.py).
    {"NAME": "core.accounts.validators.PasswordMaxLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed logins: after LOGIN_FAILURE_LIMIT failures for one e-mail FROM one address, or from one address
# whatever the e-mails, logins are refused there for LOGIN_COOLOFF_MINUTES (django-axes,
# https://django-axes.readthedocs.io/). Never for an e-mail everywhere: anyone could then keep any
# account (an administrator's) locked out; the owner on their own address still gets in.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# The login form posts the e-mail as "username"; count it without case, as logins compare it.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "core.accounts.lockout.attempted_email"
# The client address, read through TRUSTED_PROXY_COUNT proxies (else a proxy's address locks everyone).
AXES_CLIENT_IP_CALLABLE = "core.accounts.lockout.client_ip"
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_LOCKOUT_CALLABLE = "core.accounts.lockout.lockout_response"
# Not axes' own reset: it also clears the address's failures, so a guesser could log into an account of
# their own to start over; core.accounts.lockout clears only the failures for the e-mail that logged in.
AXES_RESET_ON_SUCCESS = False
# Successful logins are not logged (that table would only grow); failures are, while they count.
AXES_DISABLE_ACCESS_LOG = True
# Never store a submitted two-factor code with a failed attempt.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
# No start-up banner in every command's output; lockouts are still logged as warnings.
AXES_VERBOSE = False

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# The pages are written in English only; Django's docs advise turning translation machinery off then
# (it costs about 0.05 ms per page here). Set it back to True when adding translations.
USE_I18N = False
USE_TZ = True

# Every form renders each field with its label, errors and help text together (core/templates/forms/).
FORM_RENDERER = "core.forms.SiteFormRenderer"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Mail. Django 6.1's MAILERS replaces the EMAIL_* settings; EMAIL_URL names the one mailer.
MAILERS = {"default": mailer_config(env("EMAIL_URL", default="smtp://localhost:25"))}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="django-base <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The development mail viewer at /dev/mail/ (core/mail/views.py): the outbox in the browser. Development
# turns it on; everywhere else it answers 404, since the outbox holds other people's links.
MAIL_VIEWER = False
# The name shown in page titles and e-mail subjects.
SITE_NAME = env("SITE_NAME", default="django-base")
# The address mailed links start with ("https://example.com/"), never the request's Host header (a forged
# port or host would end up in a reset link). Empty: production derives it from ALLOWED_HOSTS; development
# and testing use the address the request came to.
SITE_URL = site_url(env("SITE_URL", default=""))

# Background jobs (docs/jobs.md). Without REDIS_URL (development only) jobs run inline in the web process.
REDIS_URL = env("REDIS_URL", default=None)
JOBS_RUN_INLINE = REDIS_URL is None
# Every lifetime and timing of the jobs, in seconds. Retry policies live by their job (core/mail/tasks.py).
JOBS = {
    # A job running longer is stopped and counts as a failed attempt.
    "TIMEOUT": 60,
    # How long a finished job, and a failed one with its traceback, stay visible in the dashboard.
    "RESULT_TTL": 24 * 3600,
    "FAILURE_TTL": 30 * 24 * 3600,
    # A worker wakes at least every WORKER_TTL - 15 s; silent for WORKER_TTL + 60 s, it is listed as dead.
    "WORKER_TTL": 30,
    # A running job's heartbeat; silent for HEARTBEAT_INTERVAL (at least 5 s) longer, it counts as abandoned.
    "HEARTBEAT_INTERVAL": 10,
    # How often a worker retries abandoned jobs and enqueues the PERIODIC jobs (once for all workers).
    "MAINTENANCE_INTERVAL": 15,
    "PERIODIC": ["core.mail.tasks.enqueue_pending_emails"],
    # A periodic job's result is kept only briefly: one runs every MAINTENANCE_INTERVAL.
    "PERIODIC_RESULT_TTL": 600,
    # The sweep leaves e-mails younger than this to the job enqueued when they were stored.
    "SWEEP_GRACE": 60,
    # An idle worker that lost Redis tries again at most this far apart (rq doubles up to 60 s), so it
    # picks up jobs within seconds of Redis returning.
    "RECONNECT_MAX_WAIT": 2,
    # Connect and read timeout of every Redis call made while answering a request (enqueue, the
    # mailed-link limit, readiness): a hung Redis costs a page about a second, the outbox sends later.
    "REQUEST_REDIS_TIMEOUT": 0.5,
}
# django-rq needs a queue definition even when jobs run inline; rqworker refuses to start then.
RQ_QUEUES = {
    "default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": JOBS["TIMEOUT"]},
}
# django-rq's own dashboard is not served, in Django's admin either: the admin area shows jobs
# (docs/jobs.md "Jobs in the admin area").
RQ_SHOW_ADMIN_LINK = False
# django-rq enqueues at once: core.jobs.enqueue_on_commit is the one thing that waits for a commit.
# Our worker: core/jobs/worker.py.
RQ = {"COMMIT_MODE": "auto", "WORKER_CLASS": "core.jobs.worker.Worker"}

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": JOBS["REQUEST_REDIS_TIMEOUT"],
                "socket_timeout": JOBS["REQUEST_REDIS_TIMEOUT"],
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Logs go to stdout, where gunicorn, the worker and any platform collect them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{levelname} {name} {message}", "style": "{"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
    # Django gives its "django" logger a console handler of its own (in DEBUG); without this, every line
    # it logs would reach stdout twice, once there and once through root. django.server keeps its own.
    "loggers": {"django": {"handlers": [], "level": env("LOG_LEVEL", default="INFO"), "propagate": True}},
}

# `python manage.py test` runs the pytest suite (tests/runner.py), not Django's unittest discovery.
TEST_RUNNER = "tests.runner.PytestRunner"

# The first administrator, created by setup_dev / setup_prod.
ADMIN_EMAIL = env("ADMIN_EMAIL", default="admin@example.com")
ADMIN_PASSWORD = env("ADMIN_PASSWORD", default="")

# Errors to Sentry, only when SENTRY_DSN is set (needs `pip install -r requirements-sentry.txt`).
SENTRY_DSN = env("SENTRY_DSN", default=None)
if SENTRY_DSN:
    init_sentry(SENTRY_DSN)

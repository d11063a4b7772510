"""Everything the project reads from its environment, in one place.

`load_env_file()` turns a `.env` file into environment variables before Django reads its settings
(flask-base's workflow, minus its silent skipping of bad lines). The settings modules read variables
through `env`, django-environ's reader made stricter where noted (see Env).
"""

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
# The environment as the process started, before .env and any default: what `manage.py test` hands pytest.
STARTING_ENVIRONMENT = dict(os.environ)

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_EXPORT = re.compile(r"^export\s+")
# Lines end where editors end them; str.splitlines() would also split at \x0b, \x0c, \x1c-\x1e, \x85,
# U+2028 and U+2029, setting variables from inside comments and naming the wrong line in errors.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DOUBLE_QUOTE_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "$": "$"}


class ConfigurationError(ImproperlyConfigured):
    """A setting or `.env` line a person must fix; `manage.py` prints it without a traceback."""


class EnvFileError(ConfigurationError):
    def __init__(self, path, line_number, problem):
        super().__init__(f"{path}, line {line_number}: {problem}")
        self.path, self.line_number = path, line_number


def env_file_path():
    """The file named by ENV_FILE, else `.env` in the project root."""
    named = os.environ.get("ENV_FILE")
    return Path(named) if named else BASE_DIR / ".env"


def load_env_file(path=None):
    """Read a `.env` file into `os.environ`; variables already set in the real environment win.

    Every line is parsed before any is applied, so a bad line changes nothing.
    Returns the names that were set.
    """
    explicit = path is not None or "ENV_FILE" in os.environ
    path = Path(path) if path is not None else env_file_path()
    if not path.exists():
        if explicit:
            raise ConfigurationError(f"ENV_FILE names {path}, which does not exist.")
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: editors on Windows may start with a BOM
    except UnicodeDecodeError as error:
        raise ConfigurationError(
            f"{path} is not UTF-8 text ({error.reason} at byte {error.start})."
        ) from None
    values = parse_env_file(text, path)
    # An empty variable counts as unset here too, as it does for env and require().
    applied = [name for name in values if not os.environ.get(name)]
    for name in applied:
        os.environ[name] = values[name]
    return applied


def parse_env_file(text, path=".env"):
    """Parse `NAME=VALUE` lines into a dict, raising EnvFileError on the first bad line."""
    values = {}
    for line_number, raw_line in enumerate(_LINE_BREAK.split(text), start=1):
        if "\0" in raw_line:
            raise EnvFileError(path, line_number, "contains a NUL byte, which no variable can hold")
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        line = _EXPORT.sub("", line, count=1)
        name, equals, value = line.partition("=")
        name = name.strip()
        if not equals:
            raise EnvFileError(path, line_number, f"expected NAME=VALUE, found {raw_line.strip()!r}")
        if not _NAME.fullmatch(name):
            raise EnvFileError(path, line_number, f"{name!r} is not a valid variable name")
        try:
            values[name] = _parse_value(value)
        except ValueError as error:
            raise EnvFileError(path, line_number, f"{name}: {error}") from None
    return values


def _parse_value(raw):
    value = raw.strip()
    if not value or value[0] not in "\"'":
        # Unquoted: a comment starts at a `#` after white space; `$`, `=` and other `#` are literal.
        return re.split(r"\s#", raw, maxsplit=1)[0].strip()
    quote, chars, index = value[0], [], 1
    while index < len(value):
        char = value[index]
        if char == quote:
            rest = value[index + 1 :].strip()
            if rest and not rest.startswith("#"):
                raise ValueError(f"unexpected text after the closing quote: {rest!r}")
            return "".join(chars)
        if char == "\\" and quote == '"' and index + 1 < len(value):
            following = value[index + 1]
            chars.append(_DOUBLE_QUOTE_ESCAPES.get(following, "\\" + following))
            index += 2
            continue
        chars.append(char)
        index += 1
    raise ValueError(f"the value opens a {quote} quote that is never closed")


class Env(environ.Env):
    """django-environ's typed readers (`env(...)`/`env.str`, `env.int`, `env.bool`, `env.list`,
    `env.db`), deliberately stricter in four ways:

    - an empty value counts as unset, so the blank lines of a copied .env.example take the defaults;
    - a value is taken literally: django-environ would read `$NAME` as "the value of NAME", and
      secrets and passwords may start with `$`;
    - a missing required variable, or a value that is not of its type, raises ConfigurationError
      naming the variable and where to set it (manage.py prints it without a traceback);
    - a boolean must be true/false, yes/no, on/off or 1/0 (django-environ reads any other word as
      False), and list items are stripped of surrounding spaces.
    """

    BOOLEANS = {
        "1": True,
        "true": True,
        "yes": True,
        "on": True,
        "0": False,
        "false": False,
        "no": False,
        "off": False,
    }

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        value = self.ENVIRON.get(var, "")
        if not value:
            if default is self.NOTSET:
                raise ConfigurationError(
                    f"The environment variable {var} is not set. Set it in the environment or in "
                    f"{env_file_path()} (.env.example lists every variable)."
                )
            return default
        if cast is bool:
            if value.lower() not in self.BOOLEANS:
                raise ConfigurationError(f"{var}={value!r} is not a boolean: use true or false.")
            return self.BOOLEANS[value.lower()]
        if cast is list:
            return [item.strip() for item in value.split(",") if item.strip()]
        try:
            return self.parse_value(value, cast)
        except ValueError:
            kind = "a whole number" if cast is int else f"a valid {getattr(cast, '__name__', 'value')}"
            raise ConfigurationError(f"{var}={value!r} is not {kind}.") from None

    def db_url(self, var="DATABASE_URL", default=environ.Env.NOTSET, engine=None):
        url = self.get_value(var, default=default)
        try:
            return self.db_url_config(url, engine=engine)
        except (ImproperlyConfigured, KeyError, ValueError) as error:
            raise ConfigurationError(f"{var}={url!r} cannot be used: {error}") from None

    db = db_url


env = Env()


def require(*names):
    """Stop start-up naming every variable in `names` that is unset."""
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        raise ConfigurationError(
            f"These environment variables must be set: {', '.join(missing)}. "
            "See .env.example for what each one means."
        )


MAILER_SCHEMES = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    # Django's console backend, printing each e-mail readably (decoded, links whole): core/mail/console.py.
    "console": "core.mail.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def mailer_config(url):
    """Turn EMAIL_URL into one MAILERS entry (Django 6.1 replaces the EMAIL_* settings).

    Our own, not django-environ's email_url(): that one returns the EMAIL_* settings Django 6.1 no
    longer reads.

    smtp://user:pass@host:587 (smtp+tls:// for STARTTLS, smtps:// for TLS), console://,
    file:///path/to/folder, locmem://, dummy://.
    """
    split = urlsplit(url)
    backend = MAILER_SCHEMES.get(split.scheme)
    if backend is None:
        raise ConfigurationError(f"EMAIL_URL={url!r}: the scheme must be one of {', '.join(MAILER_SCHEMES)}.")
    options = {}
    if split.scheme.startswith("smtp"):
        options = {
            "host": split.hostname or "localhost",
            "port": split.port or 25,
            "username": unquote(split.username or ""),
            "password": unquote(split.password or ""),
            "use_tls": split.scheme == "smtp+tls",
            "use_ssl": split.scheme == "smtps",
            "timeout": 10,
        }
    elif split.scheme == "file":
        if not split.path:
            raise ConfigurationError(f"EMAIL_URL={url!r}: name a folder, e.g. file:///tmp/mail.")
        options = {"file_path": split.path}
    return {"BACKEND": backend, "OPTIONS": options}


def choose_settings_module(default):
    """Set DJANGO_SETTINGS_MODULE (which Django reads from the environment) unless it names one; an
    empty value, as a copied .env.example has, counts as unset."""
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        os.environ["DJANGO_SETTINGS_MODULE"] = default

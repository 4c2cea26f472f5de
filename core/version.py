"""The one place the version lives; build.spec and --version read it."""

__version__ = "0.1.0"
APP_NAME = "Taizhang"
APP_NAME_ZH = "要点台账"

"""The web portal (Danish, server-rendered) and the JSON API over the register."""

from politikbase.web.app import create_app

__all__ = ["create_app"]

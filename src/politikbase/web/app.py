"""The web portal and JSON API: `create_app(data_dir)` builds the FastAPI application."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from politikbase import settings
from politikbase.service import Service
from politikbase.web import (
    api,
    api_docs,
    api_jobs,
    pages_compare,
    pages_exports,
    pages_graph,
    pages_jobs,
    pages_policy,
    pages_register,
    pages_revision,
    pages_search,
)
from politikbase.web.cache import ResponseCache
from politikbase.web.portal import STATIC, Portal, portal_of
from politikbase.web.responses import tagged

API_DESCRIPTION = (
    "Registeret over kommunernes politikker, strategier og planer som JSON: politikker og "
    "deres versioner, søgning, revisionskalender og organisationer. Lister deles i sider "
    "med page og per_page; alle svar har en ETag."
)


def create_app(data_dir: Path | str, database_url: str | None = None) -> FastAPI:
    """The portal and API over a data directory (and its register's database: the
    URL given, else $POLITIKBASE_DATABASE, else SQLite in the data directory)."""
    app = FastAPI(
        title="politikbase", version="1", description=API_DESCRIPTION, docs_url=None,
        redoc_url=None, openapi_url="/api/openapi.json",
    )
    portal = Portal(Service(Path(data_dir), database_url))
    app.state.portal = portal
    app.add_middleware(ResponseCache, snapshots=portal.snapshots)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (pages_register, pages_policy, pages_search, pages_revision, pages_graph,
                   pages_exports, pages_compare, pages_jobs, api_docs):
        app.include_router(module.router)
    app.include_router(api.router, prefix="/api/v1", tags=["api"])
    app.include_router(api_jobs.router, prefix="/api/v1", tags=["indlæsning"])

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        portal = portal_of(request)
        message = "Siden findes ikke." if error.status_code == 404 else str(error.detail)
        html = portal.render_html(
            "error.html", snapshot=portal.snapshot(), path=request.url.path,
            search_titles=[], status_code=error.status_code, message=message,
            detail=error.detail if error.status_code == 404 else None,
        )
        return tagged(request, html, "text/html; charset=utf-8", status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        return JSONResponse({"detail": error.errors()}, status_code=422)

    return app


def app_from_environment() -> FastAPI:
    """The application over $POLITIKBASE_DATA (for `uvicorn --factory` and workers)."""
    return create_app(settings.data_dir())

"""The web UI: one HTML page whose views are JavaScript modules under /static."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

#: Served with every UI page: no script, style or connection from anywhere but this server.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


def index_html() -> str:
    return (resources.files("realpolitik.web") / "static" / "index.html").read_text("utf-8")


@router.get("/", response_class=HTMLResponse)
async def index() -> HTMLResponse:
    """The single-page UI; views are addressed by the URL fragment (#/network, #/events...)."""
    return HTMLResponse(index_html(), headers={"Content-Security-Policy": CSP})


@router.get("/docs", response_class=HTMLResponse)
async def api_docs() -> HTMLResponse:
    """Swagger UI for the OpenAPI spec, from the package's vendored copy (no CDN)."""
    vendor = "/static/vendor/swagger-ui"
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="realpolitik API",
        swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
        swagger_css_url=f"{vendor}/swagger-ui.css",
        swagger_favicon_url=f"{vendor}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # no badge from validator.swagger.io
    )

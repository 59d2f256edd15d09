"""`/api/docs`: the OpenAPI description as a readable page, drawn on the server (it loads
nothing from elsewhere); the description itself is at `/api/openapi.json`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from politikbase.web.portal import portal_of

router = APIRouter(include_in_schema=False)


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            found.append({
                "method": method.upper(), "path": path,
                "summary": operation.get("summary") or operation.get("operationId", ""),
                "description": operation.get("description") or "",
                "parameters": [
                    {
                        "name": parameter["name"], "where": parameter.get("in", ""),
                        "required": parameter.get("required", False),
                        "type": parameter.get("schema", {}).get("type")
                        or " | ".join(option.get("type", "") for option in
                                      parameter.get("schema", {}).get("anyOf", [])),
                        "description": parameter.get("description")
                        or parameter.get("schema", {}).get("description", ""),
                    }
                    for parameter in operation.get("parameters", [])
                ],
            })
    return found


@router.get("/api/docs")
def api_docs(request: Request) -> Response:
    schema = request.app.openapi()
    return portal_of(request).page(
        request, "api_docs.html", info=schema.get("info", {}), operations=operations(schema),
    )

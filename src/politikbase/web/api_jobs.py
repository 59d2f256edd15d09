"""Background ingest through the API (`/api/v1/jobs`): upload files, follow the job.

An upload is kept as an original before the job exists, so once the answer (202,
with the job's address) has been sent, nothing of it is lost: the job runner of
`politikbase serve` ingests it, also after a restart.

Adding jobs changes the register, so it is allowed to clients on this machine, or to
any client that sends the token set in $POLITIKBASE_API_TOKEN as a bearer token.
Reading jobs is open, like the rest of the API.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Query, Request, Response, UploadFile

from politikbase.ingest import MAX_FILE_BYTES
from politikbase.store.blobs import TooLarge
from politikbase.store.jobs import STATES, Job
from politikbase.web.api import Page, PerPage, json_response, paged
from politikbase.web.portal import portal_of

router = APIRouter()

TOKEN_VARIABLE = "POLITIKBASE_API_TOKEN"
MAX_FILES_PER_JOB = 10_000


def _is_local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def refusal(request: Request, sent_token: str) -> HTTPException | None:
    """Why this client may not add jobs (401/403), or None when it may."""
    token = os.environ.get(TOKEN_VARIABLE, "")
    if token:
        if secrets.compare_digest(sent_token.encode(), token.encode()):
            return None
        return HTTPException(401, "Indlæsning kræver adgangsnøglen.",
                             headers={"WWW-Authenticate": "Bearer"})
    if not _is_local(request):
        return HTTPException(403, f"Indlæsning er kun åben fra denne maskine; sæt "
                                  f"{TOKEN_VARIABLE} for at åbne den for andre med en nøgle.")
    return None


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def add_upload_job(request: Request, files: list[UploadFile], retry_failed: bool) -> Job:
    """Keep every upload as an original, then queue one job for them all."""
    if not files:
        raise HTTPException(422, "Vælg mindst én fil.")
    if len(files) > MAX_FILES_PER_JOB:
        raise HTTPException(413, f"Højst {MAX_FILES_PER_JOB:,} filer pr. indlæsning.")
    register = portal_of(request).service.register
    kept: list[tuple[str, str]] = []
    for upload in files:
        name = os.path.basename(upload.filename or "") or "upload"
        try:
            sha256, _size = register.blobs.put_stream(upload.file, MAX_FILE_BYTES)
        except TooLarge as error:
            raise HTTPException(413, f"{name} er for stor ({error}).") from error
        kept.append((name, sha256))
    return register.jobs.add_uploads(kept, retry_failed=retry_failed)


@router.post("/jobs", status_code=202, summary="Indlæs filer i baggrunden")
def add_job(
    request: Request,
    files: Annotated[list[UploadFile], File(description="PDF, HTML, DOCX, TXT eller JSONL")],
    retry_failed: Annotated[bool, Query(description="Prøv filer igen, der fejlede før")] = False,
) -> Response:
    refused = refusal(request, bearer_token(request))
    if refused is not None:
        raise refused
    job = add_upload_job(request, files, retry_failed)
    location = f"/api/v1/jobs/{job.id}"
    return json_response(request, job.as_json(with_files=True) | {"url": location},
                         headers={"Location": location}, status_code=202)


@router.get("/jobs", summary="Indlæsninger, nyeste først")
def jobs(
    request: Request, page: Page = 1, per_page: PerPage = 50,
    state: Annotated[str, Query(description=", ".join(STATES))] = "",
) -> Response:
    if state and state not in STATES:
        raise HTTPException(422, f"Ukendt tilstand: {state}")
    queue = portal_of(request).service.register.jobs
    total = queue.count(state or None)
    shown = queue.jobs(limit=per_page, offset=(page - 1) * per_page, state=state or None)
    body, headers = paged(request, [job.as_json() for job in shown], page, per_page,
                          total=total)
    return json_response(request, body, headers)


@router.post("/jobs/{job_id}/cancel", summary="Stop en indlæsning (efter filen den er i gang med)")
def cancel_job(request: Request, job_id: str) -> Response:
    refused = refusal(request, bearer_token(request))
    if refused is not None:
        raise refused
    cancelled = portal_of(request).service.register.jobs.cancel(job_id)
    if cancelled is None:
        raise HTTPException(404, "Indlæsningen findes ikke.")
    return json_response(request, cancelled.as_json())


@router.get("/jobs/{job_id}", summary="Én indlæsning med dens filer")
def job(request: Request, job_id: str) -> Response:
    found = portal_of(request).service.register.jobs.job(job_id)
    if found is None:
        raise HTTPException(404, "Indlæsningen findes ikke.")
    return json_response(request, found.as_json(with_files=True))


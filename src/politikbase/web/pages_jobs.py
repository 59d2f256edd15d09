"""Background ingest in the portal (`/indlaesninger`): upload files, follow each job.

The form posts the files; they are kept as originals and queued before the answer, a
redirect to the job's page, which shows each file's outcome as the runner of `serve`
gets to it. Who may upload is decided as for the API (`api_jobs.refusal`); a key,
when one is set, is typed into the form. A post from another site's page is refused,
so a page elsewhere cannot make a visitor's browser upload on their behalf.
"""

from __future__ import annotations

import os
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, File, Form, HTTPException, Request, Response, UploadFile
from fastapi.responses import RedirectResponse

from politikbase.store.jobs import QUEUED, RUNNING
from politikbase.web.api_jobs import TOKEN_VARIABLE, add_upload_job, refusal
from politikbase.web.portal import portal_of

router = APIRouter(include_in_schema=False)

SHOWN_JOBS = 50
JOB_STATES = {
    "queued": "Venter", "running": "I gang", "done": "Færdig", "failed": "Fejlet",
    "cancelled": "Stoppet",
}
FILE_STATUSES = {
    "new": "Ny", "updated": "Opdateret", "unchanged": "Uændret", "failed": "Fejlet",
    None: "Venter",
}


def _from_elsewhere(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    if not origin or origin == "null":
        return bool(origin)
    return urlsplit(origin).netloc != request.headers.get("host", "")


def _jobs_page(request: Request, *, error: str = "", status_code: int = 200) -> Response:
    portal = portal_of(request)
    queue = portal.service.register.jobs
    return portal.page(
        request, "jobs.html", status_code=status_code, jobs=queue.jobs(limit=SHOWN_JOBS),
        total=queue.count(), error=error, job_states=JOB_STATES,
        needs_key=bool(os.environ.get(TOKEN_VARIABLE)),
    )


@router.get("/indlaesninger")
def jobs_page(request: Request) -> Response:
    return _jobs_page(request)


@router.post("/indlaesninger")
def upload(
    request: Request,
    filer: Annotated[list[UploadFile], File()],
    noegle: Annotated[str, Form()] = "",
    igen: Annotated[bool, Form()] = False,
) -> Response:
    if _from_elsewhere(request):
        return _jobs_page(request, error="Formularen blev sendt fra en anden side.",
                          status_code=403)
    refused = refusal(request, noegle)
    if refused is not None:
        return _jobs_page(request, error=str(refused.detail), status_code=refused.status_code)
    files = [item for item in filer if item.filename]
    try:
        job = add_upload_job(request, files, igen)
    except HTTPException as error:
        return _jobs_page(request, error=str(error.detail), status_code=error.status_code)
    return RedirectResponse(f"/indlaesninger/{job.id}", status_code=303)


@router.get("/indlaesninger/{job_id}")
def job_page(request: Request, job_id: str) -> Response:
    return _job_page(request, job_id)


def _job_page(
    request: Request, job_id: str, *, error: str = "", status_code: int = 200
) -> Response:
    portal = portal_of(request)
    job = portal.service.register.jobs.job(job_id)
    if job is None:
        raise HTTPException(404, "Indlæsningen findes ikke.")
    return portal.page(
        request, "job.html", status_code=status_code, job=job, job_states=JOB_STATES,
        file_statuses=FILE_STATUSES, working=job.state in (QUEUED, RUNNING), error=error,
        needs_key=bool(os.environ.get(TOKEN_VARIABLE)),
    )


@router.post("/indlaesninger/{job_id}/stop")
def stop(request: Request, job_id: str, noegle: Annotated[str, Form()] = "") -> Response:
    refused = HTTPException(403, "Formularen blev sendt fra en anden side.") if (
        _from_elsewhere(request)) else refusal(request, noegle)
    if refused is not None:
        return _job_page(request, job_id, error=str(refused.detail),
                         status_code=refused.status_code)
    if portal_of(request).service.register.jobs.cancel(job_id) is None:
        raise HTTPException(404, "Indlæsningen findes ikke.")
    return RedirectResponse(f"/indlaesninger/{job_id}", status_code=303)

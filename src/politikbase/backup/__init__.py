"""Backup and restore of the whole register as one portable archive (see `archive`)."""

from politikbase.backup.archive import FORMAT_VERSION, ArchiveError
from politikbase.backup.create import BackupSummary, write_backup
from politikbase.backup.restore import (
    RestoreSummary,
    TargetNotEmpty,
    open_backup,
    restore_data_dir,
    restore_register,
)

__all__ = [
    "FORMAT_VERSION",
    "ArchiveError",
    "BackupSummary",
    "RestoreSummary",
    "TargetNotEmpty",
    "open_backup",
    "restore_data_dir",
    "restore_register",
    "write_backup",
]

"""Srok from Python: due dates of Russian citizen messages (ПОС) through libSrokC.so (ctypes).

No compiler is needed: the module loads the C library Srok builds (``swift build -c release
--product SrokC``). It looks for it, in order, at ``$SROK_LIBRARY`` (the file, or the folder that
holds it), in the package's own folder, in the Srok checkout it sits in (``.build/release``, then
``.build/debug``), and on the system's library path.

    >>> import srok
    >>> srok.due("2024-03-28T10:00+03:00").due_date
    datetime.date(2024, 4, 27)

Every call goes through Srok's one message resolver: the same rules, calendars and profiles as
the CLI, the batch and the Swift library. NumPy (and pandas) are needed only for ``due_dates``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as _dt
import json as _json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

__all__ = [
    "Context",
    "Due",
    "SrokError",
    "StagePlan",
    "STAGES",
    "due",
    "due_dates",
    "due_json",
    "library_path",
    "status_json",
    "version",
]

# ----------------------------------------------------------------------------------------------
# The C declarations (Sources/CSrok/include/srok.h; the sizes are pinned there and in the tests)
# ----------------------------------------------------------------------------------------------

#: srok_code values by name (srok.h).
CODES = {
    0: "SROK_OK",
    1: "SROK_E_ARGUMENT",
    2: "SROK_E_INVALID",
    3: "SROK_E_MISSING",
    4: "SROK_E_COVERAGE",
    5: "SROK_E_UNKNOWN",
    6: "SROK_E_DATA",
    7: "SROK_E_IO",
    8: "SROK_E_ICU",
    9: "SROK_E_INTERNAL",
}
_OK, _E_MISSING = 0, 3
_NAT = -(2**63)  # INT64_MIN: numpy's NaT, and srok_due_many's "no value"

#: The stages of the ПОС, in order (srok_due_result.stages).
STAGES = ("moderation", "coordination", "execution", "approval", "final_approval")
_TERM_UNITS = ("calendar-days", "working-days", "hours", "working-hours")
_ROLLS = ("none", "rolled", "reversed")
_REGIMES = {None: 0, "message": 1, "appeal": 2}
#: srok_language: the language of error messages and of the words in JSON answers.
_LANGUAGES = {"ru": 0, "en": 1}


class _Error(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_int32),
        ("index", ctypes.c_int64),
        ("field", ctypes.c_char * 64),
        ("message", ctypes.c_char * 1024),
    ]


class _OpenOptions(ctypes.Structure):
    _fields_ = [
        ("calendar_files", ctypes.POINTER(ctypes.c_char_p)),
        ("calendar_file_count", ctypes.c_size_t),
        ("profile_files", ctypes.POINTER(ctypes.c_char_p)),
        ("profile_file_count", ctypes.c_size_t),
        ("region_files", ctypes.POINTER(ctypes.c_char_p)),
        ("region_file_count", ctypes.c_size_t),
        ("provisional_through_year", ctypes.c_int32),
        ("language", ctypes.c_int32),
    ]


class _Request(ctypes.Structure):
    _fields_ = [
        ("registered_at", ctypes.c_int64),
        ("registered_at_text", ctypes.c_char_p),
        ("registered_at_kind", ctypes.c_int32),
        ("regime", ctypes.c_int32),
        ("term_days", ctypes.c_int32),
        ("fast_track_days", ctypes.c_int32),
        ("profile", ctypes.c_char_p),
        ("region", ctypes.c_char_p),
        ("tz", ctypes.c_char_p),
        ("category", ctypes.c_char_p),
        ("subcategory", ctypes.c_char_p),
    ]


class _Date(ctypes.Structure):
    _fields_ = [("days", ctypes.c_int32), ("year", ctypes.c_int32), ("month", ctypes.c_int32), ("day", ctypes.c_int32)]


class _StagePlan(ctypes.Structure):
    _fields_ = [("due", ctypes.c_int64), ("budget_minutes", ctypes.c_int64)]


class _DueResult(ctypes.Structure):
    _fields_ = [
        ("registered", ctypes.c_int64),
        ("due", ctypes.c_int64),
        ("due_date", _Date),
        ("unrolled_date", _Date),
        ("due_utc_offset", ctypes.c_int32),
        ("roll", ctypes.c_int32),
        ("term_amount", ctypes.c_int32),
        ("term_unit", ctypes.c_int32),
        ("regime", ctypes.c_int32),
        ("provisional", ctypes.c_int32),
        ("stages", _StagePlan * 5),
    ]


_SROK_TIME_UTC, _SROK_TIME_LOCAL = 0, 1
_ABI_VERSION = 1


def library_path() -> str:
    """The path of the libSrokC.so this module loads (see the module's docstring for the search)."""
    names = ("libSrokC.so", "libSrokC.dylib")
    env = os.environ.get("SROK_LIBRARY")
    if env:
        p = Path(env)
        if p.is_dir():
            for n in names:
                if (p / n).exists():
                    return str(p / n)
            raise OSError(f"SROK_LIBRARY={env} is a folder without libSrokC.so")
        return str(p)
    here = Path(__file__).resolve().parent
    candidates = [here / n for n in names]
    for root in [here, *here.parents]:
        if (root / "Package.swift").exists():
            for config in ("release", "debug"):
                candidates += [root / ".build" / config / n for n in names]
            break
    for c in candidates:
        if c.exists():
            return str(c)
    found = ctypes.util.find_library("SrokC")
    if found:
        return found
    raise OSError(
        "libSrokC.so not found: build it with `swift build -c release --product SrokC` in the Srok "
        "checkout, or set SROK_LIBRARY to its path"
    )


_lib: Optional[ctypes.CDLL] = None
_lib_lock = threading.Lock()


def _library() -> ctypes.CDLL:
    global _lib
    with _lib_lock:
        if _lib is None:
            lib = ctypes.CDLL(library_path())
            lib.srok_version.restype = ctypes.c_char_p
            lib.srok_version.argtypes = []
            lib.srok_abi_version.restype = ctypes.c_uint32
            lib.srok_abi_version.argtypes = []
            lib.srok_free.restype = None
            lib.srok_free.argtypes = [ctypes.c_void_p]
            lib.srok_context_open.restype = ctypes.c_int
            lib.srok_context_open.argtypes = [
                ctypes.POINTER(_OpenOptions),
                ctypes.POINTER(ctypes.c_void_p),
                ctypes.POINTER(_Error),
            ]
            lib.srok_context_close.restype = None
            lib.srok_context_close.argtypes = [ctypes.c_void_p]
            lib.srok_due.restype = ctypes.c_int
            lib.srok_due.argtypes = [
                ctypes.c_void_p,
                ctypes.POINTER(_Request),
                ctypes.POINTER(_DueResult),
                ctypes.POINTER(_Error),
            ]
            lib.srok_due_many.restype = ctypes.c_int
            lib.srok_due_many.argtypes = [
                ctypes.c_void_p,
                ctypes.POINTER(_Request),
                ctypes.c_void_p,
                ctypes.c_size_t,
                ctypes.c_void_p,
                ctypes.c_void_p,
                ctypes.c_void_p,
                ctypes.POINTER(_Error),
            ]
            for name in ("srok_due_json", "srok_status_json"):
                f = getattr(lib, name)
                f.restype = ctypes.c_int
                f.argtypes = [
                    ctypes.c_void_p,
                    ctypes.c_char_p,
                    ctypes.c_size_t,
                    ctypes.POINTER(ctypes.c_void_p),
                    ctypes.POINTER(ctypes.c_size_t),
                    ctypes.POINTER(_Error),
                ]
            abi = lib.srok_abi_version()
            if abi != _ABI_VERSION:
                raise OSError(f"{library_path()} has ABI version {abi}; this module speaks {_ABI_VERSION}")
            _lib = lib
        return _lib


# ----------------------------------------------------------------------------------------------
# Errors and results
# ----------------------------------------------------------------------------------------------


class SrokError(Exception):
    """A call Srok refused: ``code`` (``"SROK_E_INVALID"`` …), the request key at fault
    (``field``: ``"registered_at"``, ``"profile"`` …, or ``""``), the ``message`` (what was wrong
    and what is accepted) and, for ``due_dates``, the ``index`` of the element."""

    def __init__(self, code: int, field: str, message: str, index: Optional[int] = None):
        self.code = CODES.get(code, str(code))
        self.field = field
        self.message = message
        self.index = index
        where = f"element {index}: " if index is not None else ""
        super().__init__(f"{where}{message} [{self.code}]")

    @classmethod
    def _from(cls, code: int, err: _Error, index: Optional[int] = None) -> "SrokError":
        return cls(
            code,
            err.field.decode("utf-8", "replace"),
            err.message.decode("utf-8", "replace"),
            index,
        )


@dataclass(frozen=True)
class StagePlan:
    """One stage's plan: its planned due time (UTC) and its budget in minutes."""

    due: _dt.datetime
    budget_minutes: int


@dataclass(frozen=True)
class Due:
    """The schedule of one message (``srok_due_result``). Instants are timezone-aware datetimes
    in UTC; ``due_local`` is the due time at the organisation's offset."""

    registered: _dt.datetime
    due: _dt.datetime
    due_local: _dt.datetime
    due_date: _dt.date
    unrolled_date: _dt.date
    roll: str
    term_amount: int
    term_unit: str
    regime: str
    provisional: bool
    stages: Mapping[str, StagePlan]


def _utc(seconds: int) -> _dt.datetime:
    return _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc) + _dt.timedelta(seconds=seconds)


def _date(d: _Date) -> _dt.date:
    return _dt.date(d.year, d.month, d.day)


def _due_of(r: _DueResult) -> Due:
    due = _utc(r.due)
    return Due(
        registered=_utc(r.registered),
        due=due,
        due_local=due.astimezone(_dt.timezone(_dt.timedelta(seconds=r.due_utc_offset))),
        due_date=_date(r.due_date),
        unrolled_date=_date(r.unrolled_date),
        roll=_ROLLS[r.roll],
        term_amount=r.term_amount,
        term_unit=_TERM_UNITS[r.term_unit],
        regime="appeal" if r.regime == 2 else "message",
        provisional=bool(r.provisional),
        stages={name: StagePlan(_utc(r.stages[i].due), r.stages[i].budget_minutes) for i, name in enumerate(STAGES)},
    )


def _text(value: Optional[str]) -> Optional[bytes]:
    return None if value is None else str(value).encode("utf-8")


def _request(
    registered_at: Any = None,
    *,
    term_days: Optional[int] = None,
    fast_track_days: Optional[int] = None,
    category: Optional[str] = None,
    subcategory: Optional[str] = None,
    profile: Optional[str] = None,
    region: Optional[str] = None,
    tz: Optional[str] = None,
    regime: Optional[str] = None,
) -> _Request:
    if regime not in _REGIMES:
        raise ValueError(f"regime must be None, 'message' or 'appeal', not {regime!r}")
    req = _Request()
    req.regime = _REGIMES[regime]
    req.term_days = int(term_days or 0)
    req.fast_track_days = int(fast_track_days or 0)
    req.profile = _text(profile)
    req.region = _text(region)
    req.tz = _text(tz)
    req.category = _text(category)
    req.subcategory = _text(subcategory)
    if registered_at is None:
        return req
    if isinstance(registered_at, str):
        req.registered_at_text = registered_at.encode("utf-8")
    elif isinstance(registered_at, _dt.datetime):
        if registered_at.tzinfo is not None and registered_at.utcoffset() is not None:
            req.registered_at = int((registered_at - _utc(0)) // _dt.timedelta(seconds=1))
        else:  # naive: a local wall-clock time in the organisation's zone, as Srok reads "2024-03-29 10:15"
            req.registered_at = int((registered_at - _dt.datetime(1970, 1, 1)) // _dt.timedelta(seconds=1))
            req.registered_at_kind = _SROK_TIME_LOCAL
    elif isinstance(registered_at, _dt.date):
        req.registered_at_text = registered_at.isoformat().encode()
    elif isinstance(registered_at, (int, float)) and not isinstance(registered_at, bool):
        req.registered_at = int(registered_at)
    else:  # numpy.datetime64, pandas.Timestamp
        return _request(
            _scalar_datetime(registered_at),
            term_days=term_days,
            fast_track_days=fast_track_days,
            category=category,
            subcategory=subcategory,
            profile=profile,
            region=region,
            tz=tz,
            regime=regime,
        )
    return req


def _scalar_datetime(value: Any) -> _dt.datetime:
    to_py = getattr(value, "to_pydatetime", None)
    if to_py is not None:  # pandas.Timestamp (aware or naive)
        return to_py()
    import numpy as np

    if isinstance(value, np.datetime64):
        seconds = int(value.astype("datetime64[s]").astype(np.int64))
        return _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=seconds)
    raise TypeError(
        f"registered_at must be a str, datetime, date, epoch seconds or numpy/pandas datetime, not {type(value).__name__}"
    )


# ----------------------------------------------------------------------------------------------
# The context
# ----------------------------------------------------------------------------------------------


def _paths(files: Iterable[Union[str, os.PathLike]]) -> Any:
    encoded = [os.fsencode(f) for f in files]
    return (ctypes.c_char_p * max(1, len(encoded)))(*encoded), len(encoded)


class Context:
    """Loaded data: the embedded calendars, regions and profiles, plus the user's files (the
    grammars of Data/FORMAT.md). Thread-safe; open one and share it. ``close()`` it, or use it as
    a context manager. ``language`` ("ru", the default, or "en") is the language of its errors'
    messages and of the words in its JSON answers (``term_source``, the ``*_text`` keys)."""

    def __init__(
        self,
        calendar_files: Iterable[Union[str, os.PathLike]] = (),
        profile_files: Iterable[Union[str, os.PathLike]] = (),
        region_files: Iterable[Union[str, os.PathLike]] = (),
        provisional_through_year: Optional[int] = None,
        language: str = "ru",
    ):
        lib = _library()
        opts = _OpenOptions()
        cal, opts.calendar_file_count = _paths(calendar_files)
        prof, opts.profile_file_count = _paths(profile_files)
        reg, opts.region_file_count = _paths(region_files)
        opts.calendar_files, opts.profile_files, opts.region_files = cal, prof, reg
        opts.provisional_through_year = int(provisional_through_year or 0)
        if language not in _LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(_LANGUAGES)}, not {language!r}")
        opts.language = _LANGUAGES[language]
        handle = ctypes.c_void_p()
        err = _Error()
        code = lib.srok_context_open(ctypes.byref(opts), ctypes.byref(handle), ctypes.byref(err))
        if code != _OK:
            raise SrokError._from(code, err)
        self._lib = lib
        self._handle: Optional[int] = handle.value

    def close(self) -> None:
        """Releases the context; no call may be running on it."""
        if self._handle is not None:
            self._lib.srok_context_close(self._handle)
            self._handle = None

    def __enter__(self) -> "Context":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def _h(self) -> int:
        if self._handle is None:
            raise ValueError("the Srok context is closed")
        return self._handle

    def due(self, registered_at: Any, **fields: Any) -> Due:
        """The due date and stage plan of one message (``srok_due``, the fast path).

        ``registered_at``: an ISO 8601 text with or without offset (``"2024-03-29T10:15+03:00"``,
        ``"29.03.2024 10:15"``), an aware ``datetime`` (an instant), a naive one (a local time in
        the organisation's zone), a ``date``, epoch seconds, or a numpy/pandas datetime (naive:
        local). Keyword fields: ``term_days``, ``fast_track_days``, ``category``, ``subcategory``,
        ``profile`` (default ``"federal"``), ``region``, ``tz``, ``regime`` (``"message"`` or
        ``"appeal"``); unset ones take the profile's values.
        """
        req = _request(registered_at, **fields)
        out = _DueResult()
        err = _Error()
        code = self._lib.srok_due(self._h(), ctypes.byref(req), ctypes.byref(out), ctypes.byref(err))
        if code != _OK:
            raise SrokError._from(code, err)
        return _due_of(out)

    def due_dates(
        self, registered_at: Any, *, errors: str = "raise", return_due: bool = False, **fields: Any
    ) -> Any:
        """The due date of each registration time of a column, in one C call (``srok_due_many``).

        ``registered_at``: a numpy ``datetime64`` array, a pandas Series or DatetimeIndex, or a
        list of datetimes. Naive values are local wall-clock times in the organisation's zone (an
        export's "Дата поступления"); tz-aware pandas values are instants. NaT gives NaT.
        The other fields (``profile``, ``tz``, ``term_days`` …) are common to every element, as in
        ``due``. Returns ``datetime64[D]`` dates (a Series with the same index for a Series);
        with ``return_due`` also the due instants (``datetime64[s]``, UTC). ``errors="raise"``
        raises SrokError for the first element Srok refuses; ``"coerce"`` gives NaT for it.
        """
        import numpy as np

        if errors not in ("raise", "coerce"):
            raise ValueError("errors must be 'raise' or 'coerce'")
        seconds, kind, index, name = _column_seconds(registered_at)
        req = _request(None, **fields)
        req.registered_at_kind = kind
        n = len(seconds)
        dates = np.empty(n, dtype=np.int64)
        dues = np.empty(n, dtype=np.int64) if return_due else None
        codes = np.empty(n, dtype=np.int32)
        err = _Error()
        code = self._lib.srok_due_many(
            self._h(),
            ctypes.byref(req),
            seconds.ctypes.data,
            n,
            dates.ctypes.data,
            None if dues is None else dues.ctypes.data,
            codes.ctypes.data,
            ctypes.byref(err),
        )
        if code == _OK or errors == "coerce":
            failed = None
        else:  # NaT in gives NaT out and is no error here
            failed = (codes != _OK) & ~((codes == _E_MISSING) & (seconds == _NAT))
        if failed is not None and failed.any():
            i = int(np.argmax(failed))
            one_err = _Error()
            code = self._lib.srok_due_many(
                self._h(), ctypes.byref(req), seconds[i:].ctypes.data, 1, None, None, None, ctypes.byref(one_err)
            )
            raise SrokError._from(code, one_err, index=i)
        out = dates.view("datetime64[D]")
        due_out = None if dues is None else dues.view("datetime64[s]")
        if index is not None:
            import pandas as pd

            out = pd.Series(out, index=index, name=name)
            if due_out is not None:
                due_out = pd.Series(due_out, index=index, name=name)
        return (out, due_out) if return_due else out

    def _json_call(self, function: Any, request: Union[Mapping[str, Any], str, bytes]) -> Any:
        if isinstance(request, Mapping):
            data = _json.dumps(request, ensure_ascii=False).encode("utf-8")
        elif isinstance(request, str):
            data = request.encode("utf-8")
        else:
            data = bytes(request)
        answer = ctypes.c_void_p()
        length = ctypes.c_size_t()
        err = _Error()
        code = function(self._h(), data, len(data), ctypes.byref(answer), ctypes.byref(length), ctypes.byref(err))
        if code != _OK:
            raise SrokError._from(code, err)
        try:
            return _json.loads(ctypes.string_at(answer.value, length.value).decode("utf-8"))
        finally:
            self._lib.srok_free(answer)

    def due_json(self, request: Union[Mapping[str, Any], str, bytes]) -> Any:
        """The due answer of a JSON request (a dict, or its JSON text): ``srok_due_json``. Keys are
        Srok's request keys (``registered_at``, ``profile``, ``category``, ``entries`` …)."""
        return self._json_call(self._lib.srok_due_json, request)

    def status_json(self, request: Union[Mapping[str, Any], str, bytes]) -> Any:
        """The status answer of a JSON request with the message's history: ``srok_status_json``
        (without ``as_of``, evaluated now)."""
        return self._json_call(self._lib.srok_status_json, request)


def _column_seconds(values: Any) -> Any:
    """int64 seconds of a column, the srok_time_kind to read them as, and a pandas Series' index
    and name (None otherwise)."""
    import numpy as np

    index = name = None
    kind = _SROK_TIME_LOCAL
    if type(values).__module__.startswith("pandas"):
        import pandas as pd

        if isinstance(values, pd.Series):
            index, name = values.index, values.name
            values = pd.to_datetime(values)
            if values.dt.tz is not None:  # aware: instants
                values = values.dt.tz_convert("UTC").dt.tz_localize(None)
                kind = _SROK_TIME_UTC
        else:
            values = pd.DatetimeIndex(values)
            if values.tz is not None:
                values = values.tz_convert("UTC").tz_localize(None)
                kind = _SROK_TIME_UTC
        values = values.to_numpy()
    arr = np.asarray(values)
    if arr.dtype != np.dtype("datetime64[s]"):
        arr = arr.astype("datetime64[s]")
    seconds = np.ascontiguousarray(arr).view(np.int64)
    return seconds, kind, index, name


# ----------------------------------------------------------------------------------------------
# Module-level calls on a shared context of the embedded data
# ----------------------------------------------------------------------------------------------

_default: Optional[Context] = None
_default_lock = threading.Lock()


def _context() -> Context:
    global _default
    with _default_lock:
        if _default is None:
            _default = Context()
        return _default


def version() -> str:
    """Srok's version."""
    return _library().srok_version().decode()


def due(registered_at: Any, **fields: Any) -> Due:
    """``Context.due`` on the embedded data."""
    return _context().due(registered_at, **fields)


def due_dates(registered_at: Any, **fields: Any) -> Any:
    """``Context.due_dates`` on the embedded data."""
    return _context().due_dates(registered_at, **fields)


def due_json(request: Union[Mapping[str, Any], str, bytes]) -> Any:
    """``Context.due_json`` on the embedded data."""
    return _context().due_json(request)


def status_json(request: Union[Mapping[str, Any], str, bytes]) -> Any:
    """``Context.status_json`` on the embedded data."""
    return _context().status_json(request)

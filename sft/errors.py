"""The one exception type for what a user got wrong: a flag, a name, a file, a model spec.

The CLI prints a :class:`UserError` as one unwrapped line (``error: ...``) and exits 2; any other
exception is a bug and keeps its traceback. It subclasses ``ValueError`` so that library callers that
catch ``ValueError`` keep working.
"""

from __future__ import annotations


class UserError(ValueError):
    """Something the user can fix; the message says what to do."""

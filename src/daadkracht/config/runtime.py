"""How a server process tunes Python's garbage collector once the application is loaded.

Pages that build many small objects (the diagnosis matrix of forty departments, the comparison of
two rounds) otherwise meet a full collection now and then, which walks every object the process
holds, Django's own modules included, and makes one request in twenty several times slower. Once
loaded, the application's objects live as long as the process: they are moved out of the
collector's sight (`gc.freeze`), and the youngest generation is collected less often, so that a
request's short-lived objects are mostly freed by reference counting before a collection starts.
"""

import gc

# Collect the youngest generation after this many new container objects (Python's default: 700).
YOUNG_THRESHOLD = 20_000
OLDER_THRESHOLD = 20


def tune_garbage_collector() -> None:
    """Freeze what is alive now and collect less often; call once, after the application loads."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, OLDER_THRESHOLD, OLDER_THRESHOLD)

"""Hypothesis profiles for the fuzz suite.

`make test` runs the "quick" profile (a few dozen inputs per reader, a few seconds each);
`make fuzz` sets CABLEGRAM_FUZZ=long for thousands. CABLEGRAM_FUZZ_EXAMPLES overrides the count.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # no wall-clock asserts: a slow machine is not a failure
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "database": None,  # nothing written into the checkout; failures print their input
}
settings.register_profile("quick", max_examples=25, **_COMMON)
settings.register_profile("long", max_examples=1500, **_COMMON)
_profile = "long" if os.environ.get("CABLEGRAM_FUZZ") == "long" else "quick"
if os.environ.get("CABLEGRAM_FUZZ_EXAMPLES"):
    settings.register_profile("custom", max_examples=int(os.environ["CABLEGRAM_FUZZ_EXAMPLES"]), **_COMMON)
    _profile = "custom"
settings.load_profile(_profile)

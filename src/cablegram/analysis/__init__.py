"""Questions asked of the store: clustering, dyad time series, actor profiles, top dyads."""

from .cluster import ClusterReport, cluster_events
from .dyads import (
    ActorProfile,
    DyadPoint,
    DyadStat,
    ProfileRow,
    TopDyads,
    actor_profile,
    dyad_series,
    top_dyads,
)
from .summary import StoreSummary, store_summary

__all__ = [
    "ActorProfile",
    "ClusterReport",
    "DyadPoint",
    "DyadStat",
    "ProfileRow",
    "StoreSummary",
    "TopDyads",
    "actor_profile",
    "cluster_events",
    "dyad_series",
    "store_summary",
    "top_dyads",
]

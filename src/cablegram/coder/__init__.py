"""The event coder: triggers, arguments, ontology codes, factuality, quotes and advisories."""

from .rules import EventCoder, cameo_dyads, strongest_event

__all__ = ["EventCoder", "cameo_dyads", "strongest_event"]

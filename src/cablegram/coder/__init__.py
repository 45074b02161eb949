"""The event coder: triggers, arguments, ontology codes."""

from .rules import EventCoder

__all__ = ["EventCoder"]

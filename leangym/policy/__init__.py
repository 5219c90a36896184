"""Tactic policies and critics: batched proposals for many proof states at once.

Backends: :class:`HFPolicy` (transformers, GPU when present), :class:`VLLMPolicy` (optional extra),
:class:`OpenAIPolicy` (any OpenAI-compatible completions server) and :class:`ScriptedPolicy` (fixed
tactics, for tests and baselines). :func:`load_policy` turns a command-line spec into one of them.
"""

from __future__ import annotations

from pathlib import Path

from leangym.errors import ConfigError
from leangym.policy.base import (
    AUTOMATION_TACTICS,
    Candidate,
    ScriptedPolicy,
    TacticPolicy,
    admissible,
    finalize,
    reference_policy,
)
from leangym.policy.critic import Critic, HFCritic, critic_text
from leangym.policy.formats import FORMATS, Observation, PromptFormat, get_format
from leangym.policy.hf import HFPolicy
from leangym.policy.remote import OpenAIPolicy, VLLMPolicy

__all__ = [
    "AUTOMATION_TACTICS",
    "FORMATS",
    "Candidate",
    "Critic",
    "HFCritic",
    "HFPolicy",
    "Observation",
    "OpenAIPolicy",
    "PromptFormat",
    "ScriptedPolicy",
    "TacticPolicy",
    "VLLMPolicy",
    "admissible",
    "critic_text",
    "finalize",
    "get_format",
    "load_policy",
    "reference_policy",
]


def load_policy(spec: str, **kwargs) -> TacticPolicy:
    """Build a policy from a command-line spec.

    ``scripted`` (the MiniLean automation tactics), ``http://HOST:PORT/v1#MODEL`` (OpenAI-compatible
    server), ``vllm:PATH`` (vLLM engine) or a ``save_pretrained`` directory (HF). ``kwargs`` go to the
    backend's constructor (prompt format, sampling settings).
    """
    if spec == "scripted":
        return ScriptedPolicy(AUTOMATION_TACTICS)
    if spec.startswith(("http://", "https://")):
        url, _, model = spec.partition("#")
        return OpenAIPolicy(url, model or "default", **kwargs)
    if spec.startswith("vllm:"):
        return VLLMPolicy(spec[len("vllm:") :], **kwargs)
    if Path(spec).is_dir():
        return HFPolicy.from_pretrained(spec, **kwargs)
    raise ConfigError(
        f"unknown policy {spec!r}: expected 'scripted', a save_pretrained directory, "
        "'http://HOST:PORT/v1#MODEL' or 'vllm:PATH'"
    )

"""Tactic policies and critics: batched proposals for many proof states at once.

Backends: :class:`HFPolicy` (transformers, GPU when present), :class:`VLLMPolicy` (optional extra),
:class:`OpenAIPolicy` (any OpenAI-compatible completions server) and :class:`ScriptedPolicy` (fixed
tactics, for tests and baselines). :func:`load_policy` turns a command-line spec into one of them.
"""

from __future__ import annotations

import importlib
import os
import sys
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


def _plugin(loader: str):
    """The function ``"module:function"`` names; modules are looked up from the working directory too, as
    ``python -m`` does, so a checkpoint of an agent in the repository's ``agents/`` loads from its root."""
    module, _, name = loader.partition(":")
    if not module or not name:
        raise ConfigError(f"a policy loader must look like 'module:function', got {loader!r}")
    if os.getcwd() not in sys.path:
        sys.path.append(os.getcwd())
    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(
            f"cannot load the checkpoint's policy with {loader!r} ({exc}); run from the folder that holds "
            f"{module.split('.')[0]}/ (the repository root for leangym's agents)"
        ) from None
    return fn


def load_policy(spec: str, *, loader: str | None = None, **kwargs) -> TacticPolicy:
    """Build a policy from a command-line spec.

    ``scripted`` (the MiniLean automation tactics), ``http://HOST:PORT/v1#MODEL`` (OpenAI-compatible
    server), ``vllm:PATH`` (vLLM engine) or a ``save_pretrained`` directory (HF). ``kwargs`` go to the
    backend's constructor (prompt format, sampling settings). ``loader`` (``"module:function"``, named by a
    checkpoint that is not a Hugging Face model, e.g. PPO's ``agents.ppo_sb3:load_policy``) is imported
    and called with the directory instead.
    """
    if loader is not None:
        return _plugin(loader)(spec)
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

"""Prompt formats: how a proof state becomes a prompt and a completion becomes a tactic.

Formats are data, so a policy backend (HF, vLLM, an HTTP server) and the SFT trainer render the same
prompt for the same state. The three published step-prover formats are included (DESIGN §5); ``bfs``,
the shortest, is the default for tiny models.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from leangym.errors import ConfigError


@dataclass(frozen=True)
class Observation:
    """A proof state plus the context some formats read: the theorem name and the proof so far."""

    state: str
    name: str = ""
    proof_before: tuple[str, ...] = ()


def as_observation(obs: str | Observation) -> Observation:
    return obs if isinstance(obs, Observation) else Observation(obs)


@dataclass(frozen=True)
class PromptFormat:
    """``template`` is filled with ``{name}``, ``{proof_before}`` (one tactic a line) and ``{state}``.

    ``answer_prefix`` is stripped from completions that repeat it; ``stop`` strings end a completion
    (servers get them as stop sequences, local decoding cuts at them).
    """

    name: str
    template: str
    stop: tuple[str, ...] = ()
    answer_prefix: str = ""

    def render(self, obs: str | Observation) -> str:
        o = as_observation(obs)
        return self.template.format(name=o.name, proof_before="\n".join(o.proof_before), state=o.state)

    def parse(self, completion: str) -> str:
        """The tactic in a completion: cut at the first stop string, strip the answer prefix and blanks."""
        for s in self.stop:
            i = completion.find(s)
            if i >= 0:
                completion = completion[:i]
        completion = completion.strip()
        if self.answer_prefix and completion.startswith(self.answer_prefix.strip()):
            completion = completion[len(self.answer_prefix.strip()) :].strip()
        return completion

    def sft_text(self, obs: str | Observation, tactic: str, eos: str) -> str:
        """Prompt + tactic + ``eos``: the training text whose completion part the policy learns."""
        return self.render(obs) + tactic + eos


FORMATS: dict[str, PromptFormat] = {
    f.name: f
    for f in (
        PromptFormat("bfs", "{state}:::"),
        PromptFormat(
            "internlm2.5",
            "---\nNAME: {name}\n\n---\nPROOF_BEFORE: {proof_before}\n\n---\nSTATE_BEFORE: {state}\n\n---\nTACTIC: ",
            stop=("\n---",),
        ),
        PromptFormat(
            "internlm2",
            "<|im_start|>user\nDECL {name}\nGOAL {state}\n<|im_end|>\n<|im_start|>assistant\nPROOFSTEP ",
            stop=("<|im_end|>",),
            answer_prefix="PROOFSTEP ",
        ),
    )
}


def get_format(fmt: str | PromptFormat) -> PromptFormat:
    """Look a format up by name (``bfs``, ``internlm2.5``, ``internlm2``) or pass one through."""
    if isinstance(fmt, PromptFormat):
        return fmt
    if fmt not in FORMATS:
        raise ConfigError(f"unknown prompt format {fmt!r}; expected one of {sorted(FORMATS)}")
    return FORMATS[fmt]


def render_all(fmt: PromptFormat, observations: Sequence[str | Observation]) -> list[str]:
    return [fmt.render(o) for o in observations]

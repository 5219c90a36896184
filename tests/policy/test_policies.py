from __future__ import annotations

import json
import math
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from leangym.errors import BackendUnavailable, ConfigError
from leangym.policy import (
    Candidate,
    HFPolicy,
    Observation,
    OpenAIPolicy,
    ScriptedPolicy,
    admissible,
    finalize,
    get_format,
    load_policy,
    reference_policy,
)


def test_internlm25_format_matches_published_prompt():
    obs = Observation("x : ℕ\n⊢ x = x", name="foo", proof_before=("intro h", "simp"))
    assert get_format("internlm2.5").render(obs) == (
        "---\nNAME: foo\n\n---\nPROOF_BEFORE: intro h\nsimp\n\n---\nSTATE_BEFORE: x : ℕ\n⊢ x = x\n\n---\nTACTIC: "
    )
    assert get_format("internlm2.5").parse(" rfl\n---\nNAME: junk") == "rfl"
    assert get_format("bfs").render("⊢ True") == "⊢ True:::"
    assert get_format("internlm2").parse("PROOFSTEP simp<|im_end|>") == "simp"
    assert "DECL foo\nGOAL x : ℕ" in get_format("internlm2").render(obs)
    with pytest.raises(ConfigError, match="Did you mean|expected one of"):
        get_format("internlm3")


@pytest.mark.parametrize(
    "tactic, ok",
    [
        ("simp", True),
        ("nlinarith [sq_nonneg (x - y)]", True),
        ("", False),
        ("   ", False),
        ("#eval 1", False),
        ("import Mathlib", False),
        ("set_option debug.skipKernelTC true in simp", False),
        ("set_option maxHeartbeats 400000 in nlinarith", True),
        ("axiom bad : False", False),
        ("simp\ntheorem x : True := trivial", False),
        ("sorry", False),
        ("exact (by admit)", False),
        ("x" * 5000, False),
    ],
)
def test_admissible(tactic, ok):
    assert admissible(tactic) is ok


def test_finalize_dedups_keeps_best_and_sorts():
    cands = [
        Candidate(" simp", -3.0),
        Candidate("simp", -1.0),
        Candidate("ring", -2.0),
        Candidate("#exit", 0.0),
    ]
    assert finalize(cands, 5) == [Candidate("simp", -1.0), Candidate("ring", -2.0)]
    assert finalize(cands, 1) == [Candidate("simp", -1.0)]


def test_scripted_policy_orders_and_normalises():
    pol = ScriptedPolicy({"⊢ True": ["trivial", "simp", "trivial"]}, default=["norm_num"])
    out = pol.propose(["⊢ True", "⊢ 1 = 1"], k=3)
    assert [c.tactic for c in out[0]] == ["trivial", "simp"]
    assert math.isclose(sum(math.exp(c.logprob) for c in pol.propose(["⊢ 1 = 1"], 3)[0]), 1.0)
    assert out[1][0].tactic == "norm_num" and pol.calls == 2


def test_reference_policy_replays_by_depth():
    pol = reference_policy({"t": ["intro h", "exact h"]}, extra=["simp"])
    first = pol.propose([Observation("⊢ p → p", "t", ())], 2)[0]
    second = pol.propose([Observation("h : p\n⊢ p", "t", ("intro h",))], 2)[0]
    assert [c.tactic for c in first] == ["intro h", "simp"]
    assert second[0].tactic == "exact h"


def test_load_policy_specs(tmp_path):
    assert isinstance(load_policy("scripted"), ScriptedPolicy)
    assert isinstance(load_policy("http://127.0.0.1:1/v1#m"), OpenAIPolicy)
    with pytest.raises(ConfigError, match="save_pretrained directory"):
        load_policy(str(tmp_path / "nope"))
    # a checkpoint that is not a Hugging Face model names its loader ("module:function")
    assert isinstance(load_policy("ignored", loader="leangym.policy:ScriptedPolicy"), ScriptedPolicy)
    with pytest.raises(ConfigError, match="cannot load the checkpoint's policy"):
        load_policy(str(tmp_path), loader="no_such_module_here:load")
    with pytest.raises(ConfigError, match="module:function"):
        load_policy(str(tmp_path), loader="agents.ppo_sb3")


class _CompletionsServer:
    """A real OpenAI-style /v1/completions server on loopback, answering with a tiny HF model."""

    def __init__(self, policy: HFPolicy) -> None:
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                choices = []
                for p_i, prompt in enumerate(body["prompt"]):
                    state = prompt.removesuffix(":::")
                    cands = policy.propose([state], body["n"])[0]
                    for j in range(body["n"]):
                        c = cands[j % len(cands)]
                        lps = [c.logprob] + [0.0] * (c.num_tokens - 1)
                        choices.append(
                            {
                                "index": p_i * body["n"] + j,
                                "text": " " + c.tactic,
                                "finish_reason": "stop",
                                "logprobs": {"token_logprobs": lps},
                            }
                        )
                data = json.dumps({"choices": choices}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_openai_policy_against_local_server(tokenizer, lm):
    local = HFPolicy(lm, tokenizer, mode="beam", max_new_tokens=6, keep_truncated=True)
    states = ["⊢ True", "n : ℕ\n⊢ n = n"]
    with _CompletionsServer(local) as server:
        remote = OpenAIPolicy(server.url, "tiny", max_tokens=6)
        got = remote.propose(states, k=3)
        want = local.propose(states, k=3)
        assert (
            server.requests[0]["prompt"] == ["⊢ True:::", "n : ℕ\n⊢ n = n:::"]
            and server.requests[0]["n"] == 3
        )
    assert [[c.tactic for c in cs] for cs in got] == [[c.tactic for c in cs] for cs in want]
    for g, w in zip(got, want):
        assert [c.logprob for c in g] == pytest.approx([c.logprob for c in w], abs=1e-5)
    with pytest.raises(BackendUnavailable, match="did not answer"):
        OpenAIPolicy(server.url, "tiny", timeout=2).propose(states, k=1)

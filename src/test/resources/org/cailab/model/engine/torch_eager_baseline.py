"""PyTorch eager baseline for EngineBenchmark: the same Llama shapes and work, timed the same way.

Run by EngineBenchmark as `python3 torch_eager_baseline.py '<json>'`; prints one JSON line of tokens/s. The model is
written the way Hugging Face's eager Llama is (matmul attention, repeat_kv, concatenating KV cache, rotate_half RoPE),
with random weights. With "device": "cuda" in the JSON it runs on the GPU (timings wait for the GPU to finish).
Needs only torch (Debian: apt-get install python3-torch libopenblas0-pthread: Debian's torch
does its matrix products through the system BLAS, and without OpenBLAS that is the unoptimised reference BLAS, which
made the scoring and training rows look 8-11x slower than the engine; the JSON names the BLAS library loaded).
"""
import os
import json
import sys
import time

import torch
import torch.nn.functional as F

DEVICE = torch.device("cpu")


def sync():
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()


def rms_norm(x, weight, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Layer(torch.nn.Module):
    def __init__(self, c):
        super().__init__()
        d, self.h, self.kv = c["hidden"], c["heads"], c["kvHeads"]
        self.hd = d // self.h
        self.eps = c["eps"]
        self.q = torch.nn.Linear(d, self.h * self.hd, bias=False)
        self.k = torch.nn.Linear(d, self.kv * self.hd, bias=False)
        self.v = torch.nn.Linear(d, self.kv * self.hd, bias=False)
        self.o = torch.nn.Linear(self.h * self.hd, d, bias=False)
        self.gate = torch.nn.Linear(d, c["ffn"], bias=False)
        self.up = torch.nn.Linear(d, c["ffn"], bias=False)
        self.down = torch.nn.Linear(c["ffn"], d, bias=False)
        self.norm1 = torch.nn.Parameter(torch.ones(d))
        self.norm2 = torch.nn.Parameter(torch.ones(d))

    def forward(self, x, cos, sin, mask, cache, index):
        b, t, _ = x.shape
        h = rms_norm(x, self.norm1, self.eps)
        q = self.q(h).view(b, t, self.h, self.hd).transpose(1, 2)
        k = self.k(h).view(b, t, self.kv, self.hd).transpose(1, 2)
        v = self.v(h).view(b, t, self.kv, self.hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if cache is not None:
            if len(cache) > index:
                k = torch.cat((cache[index][0], k), dim=2)
                v = torch.cat((cache[index][1], v), dim=2)
                cache[index] = (k, v)
            else:
                cache.append((k, v))
        rep = self.h // self.kv
        if rep > 1:  # HF repeat_kv
            s = k.shape[2]
            k = k[:, :, None].expand(b, self.kv, rep, s, self.hd).reshape(b, self.h, s, self.hd)
            v = v[:, :, None].expand(b, self.kv, rep, s, self.hd).reshape(b, self.h, s, self.hd)
        scores = torch.matmul(q, k.transpose(2, 3)) / (self.hd ** 0.5)
        if mask is not None:
            scores = scores + mask
        attn = torch.matmul(torch.softmax(scores, dim=-1, dtype=torch.float32), v)
        x = x + self.o(attn.transpose(1, 2).reshape(b, t, self.h * self.hd))
        h = rms_norm(x, self.norm2, self.eps)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Llama(torch.nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        d = c["hidden"]
        self.hd = d // c["heads"]
        self.embed = torch.nn.Embedding(c["vocab"], d)
        self.layers = torch.nn.ModuleList([Layer(c) for _ in range(c["layers"])])
        self.norm = torch.nn.Parameter(torch.ones(d))
        self.head = None if c["tied"] else torch.nn.Linear(d, c["vocab"], bias=False)
        inv = 1.0 / (c["theta"] ** (torch.arange(0, self.hd, 2).float() / self.hd))
        self.register_buffer("inv_freq", inv, persistent=False)
        for p in self.parameters():
            if p.dim() > 1:
                torch.nn.init.normal_(p, std=0.02)

    def forward(self, ids, positions, cache=None, keep_last=None):
        b, t = ids.shape
        x = self.embed(ids)
        freqs = positions[..., None].float() * self.inv_freq
        emb = torch.cat((freqs, freqs), dim=-1)[:, None]
        cos, sin = emb.cos(), emb.sin()
        past = cache[0][0].shape[2] if cache else 0
        mask = None
        if t > 1:
            mask = torch.full((t, past + t), float("-inf"), device=ids.device).triu(past + 1)
        for i, layer in enumerate(self.layers):
            x = layer(x, cos, sin, mask, cache, i)
        x = rms_norm(x, self.norm, self.c["eps"])
        if keep_last is not None:
            x = x[:, -keep_last:]
        weight = self.embed.weight if self.head is None else self.head.weight
        return F.linear(x, weight)


def best(reps, work):
    """Best wall-clock rate and best rate per CPU-second of this process (one intra-op thread)."""
    best_s = float("inf")
    best_cpu = float("inf")
    tokens = 0
    for _ in range(reps):
        start = time.perf_counter()
        cpu_start = time.process_time()
        tokens = work()
        sync()
        best_cpu = min(best_cpu, time.process_time() - cpu_start)
        best_s = min(best_s, time.perf_counter() - start)
    return tokens / best_s, tokens / best_cpu


def generate(model, batch, s, vocab):
    ids = torch.randint(vocab, (batch, s["prompt"]), device=DEVICE)

    def work():
        with torch.no_grad():
            cache = []
            t = ids.shape[1]
            logits = model(ids, torch.arange(t, device=DEVICE).expand(batch, t), cache, 1)
            produced = 0
            for step in range(s["newTokens"]):
                token = torch.multinomial(torch.softmax(logits[:, -1], dim=-1), 1)
                produced += batch
                if step == s["newTokens"] - 1:
                    break
                logits = model(token, torch.full((batch, 1), t + step, device=DEVICE), cache, 1)
            return produced

    work()  # warm-up
    sync()
    return best(s["reps"], work)


def score(model, s, vocab):
    b = s["batch"]
    length = s["scorePrompt"] + s["scoreContinuation"] - 1
    ids = torch.randint(vocab, (b, length), device=DEVICE)
    targets = torch.randint(vocab, (b, s["scoreContinuation"], 1), device=DEVICE)

    def work():
        with torch.no_grad():
            logits = model(ids, torch.arange(length, device=DEVICE).expand(b, length), None, s["scoreContinuation"])
            torch.log_softmax(logits, dim=-1).gather(-1, targets)
        return b * (s["scorePrompt"] + s["scoreContinuation"])

    work()
    return best(s["reps"], work)


def train(model, s, vocab):
    b, t = s["batch"], s["trainLength"]
    ids = torch.randint(vocab, (b, t), device=DEVICE)
    positions = torch.arange(t, device=DEVICE).expand(b, t)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)

    def step():
        logits = model(ids, positions)
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, vocab), ids[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        return b * t  # counted as the engine counts them (all tokens of the rows)

    step()
    sync()

    def work():
        return sum(step() for _ in range(s["trainSteps"]))

    return best(s["reps"], work)


def blas_library():
    """The BLAS shared libraries this process has loaded (resolved through Debian's alternatives symlinks). With
    Debian's reference BLAS loaded (.../blas/libblas.so.3*) sgemm resolves there, even when OpenBLAS is loaded too."""
    found = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            name = os.path.basename(path)
            if ("blas" in name or "mkl" in name) and os.path.realpath(path) not in found:
                found.append(os.path.realpath(path))
    return ", ".join(found) if found else "none found (statically linked?)"


def main():
    global DEVICE
    args = json.loads(sys.argv[1])
    DEVICE = torch.device(args.get("device", "cpu"))
    torch.set_num_threads(args["threads"])
    torch.manual_seed(1)
    c, s = args["config"], args["sizes"]
    model = Llama(c).to(DEVICE).eval()
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_library(), "device": str(DEVICE)}
    if DEVICE.type == "cuda":
        out["gpu"] = torch.cuda.get_device_name(DEVICE)
    out["generate_1"], out["generate_1_cpu"] = generate(model, 1, s, c["vocab"])
    out["generate_batch"], out["generate_batch_cpu"] = generate(model, s["batch"], s, c["vocab"])
    out["score"], out["score_cpu"] = score(model, s, c["vocab"])
    model.train()
    out["train"], out["train_cpu"] = train(model, s, c["vocab"])
    print(json.dumps(out))


if __name__ == "__main__":
    main()

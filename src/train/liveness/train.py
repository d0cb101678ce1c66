"""Fine-tunes the MiniFASNet liveness ensemble on the shared face captures and writes an ONNX pack Argus loads.

    /usr/bin/python3 train.py --crops DIR --checkpoints DIR --out DIR [--loso=true] [--seed 7]

--crops is what the crop export wrote (crops.tsv and the PNG crops the service feeds the networks); --checkpoints
holds the published PyTorch weights (2.7_80x80_MiniFASNetV2.pth, 4_0_0_80x80_MiniFASNetV1SE.pth). The pack, trained
on every source, goes to OUT/minifasnet-tuned/ (pack.json beside the two ONNX files). With --loso=true, one pack per
source is also trained on all the other sources, to OUT/loso/<slug>/minifasnet-tuned/, with OUT/loso/folds.tsv naming
each fold's held-out source, so that every source can be scored by a network that never saw it.

By default only the embedding head learns (--trainable=head; "late" adds the last convolutions, "stages" the last
two stages), pulled towards the published weights (L2-SP, --l2sp): few parameters, little data. Each source counts
equally, and within it attacks and bona fide crops count equally. Augmentations: crop jitter down to tight crops,
flips, colour casts, blur, down-scaling, JPEG, noise, and with --attack-texture=true also moire and print texture on
attack crops. Everything is seeded and runs on one CPU thread per process, so a run repeats bit for bit on the same
software.
"""
import argparse
import csv
import hashlib
import json
import multiprocessing
import os
import re
from collections import defaultdict

import cv2
import numpy as np
import torch

import minifasnet

NETWORKS = {2.7: "2.7_80x80_MiniFASNetV2", 4.0: "4_0_0_80x80_MiniFASNetV1SE"}
PACK = "minifasnet-tuned"
# What learns, by the layers' names: the embedding head only, with the last convolutions too, or also the last stages.
TRAINABLE = {"head": ("linear.", "bn.", "prob."),
             "late": ("conv_6_sep.", "conv_6_dw.", "linear.", "bn.", "prob."),
             "stages": ("conv_45.", "conv_5.", "conv_6_sep.", "conv_6_dw.", "linear.", "bn.", "prob.")}
SIDE = 80
LIVE = 1


def read_crops(directory):
    with open(os.path.join(directory, "crops.tsv"), newline="") as index:
        rows = list(csv.DictReader(index, delimiter="\t"))
    for row in rows:
        row["scale"] = float(row["scale"])
        row["attack"] = row["label"].startswith("spoof")
        row["image"] = cv2.imread(os.path.join(directory, row["file"]), cv2.IMREAD_COLOR)
    return rows


def slug(source):
    return re.sub(r"[^A-Za-z0-9]+", "-", source).strip("-").lower()


class Augment:
    """Random changes a capture may show; the attack-only ones add what re-captured media carry."""

    def __init__(self, rng, attack_texture):
        self.rng = rng
        self.attack_texture = attack_texture

    def __call__(self, image, attack):
        r = self.rng
        h, w = image.shape[:2]
        area = r.uniform(0.55, 1.0) * h * w
        ratio = np.exp(r.uniform(np.log(0.85), np.log(1.18)))
        cw, ch = min(w, int(round(np.sqrt(area * ratio)))), min(h, int(round(np.sqrt(area / ratio))))
        x, y = r.integers(0, w - cw + 1), r.integers(0, h - ch + 1)
        out = cv2.resize(image[y:y + ch, x:x + cw], (SIDE, SIDE), interpolation=cv2.INTER_LINEAR).astype(np.float32)
        if r.random() < 0.5:
            out = out[:, ::-1]
        out = out * r.uniform(0.75, 1.25) + r.uniform(-20, 20)
        mean = out.mean()
        out = (out - mean) * r.uniform(0.75, 1.25) + mean
        out = out * r.uniform(0.9, 1.1, size=3)
        grey = out.mean(axis=2, keepdims=True)
        out = grey + (out - grey) * r.uniform(0.7, 1.3)
        if attack and self.attack_texture and r.random() < 0.25:
            out = out + self.moire()
        if attack and self.attack_texture and r.random() < 0.2:
            out = out + self.halftone()
        if r.random() < 0.25:
            out = cv2.GaussianBlur(out, (0, 0), r.uniform(0.4, 1.4))
        if r.random() < 0.25:
            small = int(SIDE * r.uniform(0.4, 0.8))
            out = cv2.resize(cv2.resize(out, (small, small), interpolation=cv2.INTER_AREA), (SIDE, SIDE), interpolation=cv2.INTER_LINEAR)
        if r.random() < 0.2:
            out = out + r.normal(0, r.uniform(2, 8), out.shape)
        out = np.clip(out, 0, 255).astype(np.uint8)
        if r.random() < 0.4:
            ok, jpeg = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(r.integers(35, 95))])
            out = cv2.imdecode(jpeg, cv2.IMREAD_COLOR)
        return out

    def moire(self):
        r = self.rng
        yy, xx = np.mgrid[0:SIDE, 0:SIDE].astype(np.float32)
        angle, frequency = r.uniform(0, np.pi), r.uniform(0.6, 1.6)
        wave = np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * frequency + r.uniform(0, 6.3))
        wave *= np.sin((xx * np.cos(angle + 0.1) + yy * np.sin(angle + 0.1)) * frequency * 1.05)
        return (wave * r.uniform(3, 10))[..., None] * r.uniform(0.6, 1.0, size=3)

    def halftone(self):
        r = self.rng
        period = r.uniform(2.0, 3.5)
        yy, xx = np.mgrid[0:SIDE, 0:SIDE].astype(np.float32)
        dots = np.cos(2 * np.pi * xx / period) * np.cos(2 * np.pi * yy / period)
        return (dots * r.uniform(3, 9))[..., None] * np.ones(3)


def to_tensor(images):
    return torch.from_numpy(np.ascontiguousarray(np.stack(images).transpose(0, 3, 1, 2), dtype=np.float32))


def attack_log_likelihoods(logits):
    """log P(live) and log P(attack) of the softmax over the three classes (0 and 2 are attack kinds)."""
    total = torch.logsumexp(logits, dim=1)
    live = logits[:, LIVE] - total
    attack = torch.logsumexp(torch.stack([logits[:, 0], logits[:, 2]], dim=1), dim=1) - total
    return live, attack


def train_network(rows, checkpoint, args):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    net = minifasnet.load(checkpoint)
    published = {name: p.detach().clone() for name, p in net.named_parameters()}
    trainable = TRAINABLE[args.trainable]
    learned = [p for name, p in net.named_parameters() if name.startswith(trainable)]
    for name, p in net.named_parameters():
        p.requires_grad = name.startswith(trainable)
    optimiser = torch.optim.Adam(learned, lr=args.lr)
    groups = defaultdict(list)
    for i, row in enumerate(rows):
        groups[(row["source"], row["attack"])].append(i)
    weights = np.zeros(len(rows))
    for members in groups.values():
        weights[members] = 1.0 / (len(groups) * len(members))
    augment = Augment(rng, args.attack_texture == "true")
    for _ in range(args.epochs):
        net.train()
        for name, module in net.named_modules():
            if name and not (name + ".").startswith(trainable):
                module.eval()
        for _ in range(args.steps):
            chosen = rng.choice(len(rows), size=args.batch, p=weights)
            images = to_tensor([augment(rows[i]["image"], rows[i]["attack"]) for i in chosen])
            attack = torch.tensor([rows[i]["attack"] for i in chosen])
            live_ll, attack_ll = attack_log_likelihoods(net(images))
            loss = -torch.where(attack, attack_ll, live_ll).mean()
            loss = loss + args.l2sp * sum(((p - published[name]) ** 2).sum() for name, p in net.named_parameters() if p.requires_grad)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return net.eval()


def export(net, path):
    torch.onnx.export(net, torch.zeros(1, 3, SIDE, SIDE), path, input_names=["input"], output_names=["output"], opset_version=13)
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def train_pack(rows, args, out, held_out):
    pack_dir = os.path.join(out, PACK)
    os.makedirs(pack_dir, exist_ok=True)
    training = [r for r in rows if r["source"] != held_out]
    liveness = []
    for scale, name in NETWORKS.items():
        net = train_network([r for r in training if r["scale"] == scale], os.path.join(args.checkpoints, name + ".pth"), args)
        file = name + "-tuned.onnx"
        liveness.append({"file": file, "sha256": export(net, os.path.join(pack_dir, file)), "input": [1, 3, SIDE, SIDE],
                         "channels": "BGR", "mean": 0.0, "std": 1.0, "crop_scale": scale, "live_index": LIVE})
    sources = sorted({r["source"] for r in training})
    manifest = {"name": PACK,
                "source": "MiniFASNet ensemble fine-tuned by src/train/liveness/train.py (seed %d, %s layers, %d epochs of %d steps) on %d "
                          "crops of %d sources of ../shared/media%s; derived from weights no registry serves: never committed"
                          % (args.seed, args.trainable, args.epochs, args.steps, len(training), len(sources),
                             "" if held_out is None else ", holding out " + held_out),
                "liveness": liveness}
    with open(os.path.join(pack_dir, "pack.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return pack_dir


def fold(job):
    rows, args, source = job
    torch.set_num_threads(1)
    return source, train_pack(rows, args, os.path.join(args.out, "loso", slug(source)), source)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crops", required=True)
    parser.add_argument("--checkpoints", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--loso", choices=["true", "false"], default="false")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--l2sp", type=float, default=1.0, help="pull of the weights towards the published ones")
    parser.add_argument("--trainable", choices=sorted(TRAINABLE), default="head")
    parser.add_argument("--attack-texture", choices=["true", "false"], default="false")
    parser.add_argument("--hold-out", default="", help="the sources to hold out, comma-separated (default: every source)")
    args = parser.parse_args()
    torch.use_deterministic_algorithms(True)
    rows = read_crops(args.crops)
    torch.set_num_threads(1)
    if not args.hold_out:
        print("trained on every source:", train_pack(rows, args, args.out, None), flush=True)
    if args.loso == "true":
        sources = sorted({r["source"] for r in rows} if not args.hold_out else args.hold_out.split(","))
        with multiprocessing.get_context("fork").Pool(args.processes) as pool:
            folds = pool.map(fold, [(rows, args, s) for s in sources])
        with open(os.path.join(args.out, "loso", "folds.tsv"), "w") as f:
            f.write("source\tpack\n")
            for source, pack_dir in folds:
                f.write("%s\t%s\n" % (source, os.path.relpath(os.path.dirname(pack_dir), args.out)))
        print("%d folds written under %s" % (len(folds), os.path.join(args.out, "loso")), flush=True)


if __name__ == "__main__":
    main()

"""Golden logits for ResNetFamilyTests: torchvision 0.14 ResNets, plus SE and CBAM blocks written here
in plain PyTorch (torchvision has neither). Every tensor is filled by the formula of
ResNetFamilyChecks.FillDeterministically, so the C# models must reproduce these numbers.

Run with Debian's python3 (torch 1.13, torchvision 0.14): /usr/bin/python3 resnet_attention_golden.py
"""
import math

import torch
import torch.nn as nn
from torchvision.models import resnet

REDUCTION = 16


class SqueezeExcite(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, channels // REDUCTION, 1)
        self.fc2 = nn.Conv2d(channels // REDUCTION, channels, 1)

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        return x * torch.sigmoid(self.fc2(torch.relu(self.fc1(s))))


class ChannelAttention(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, channels // REDUCTION, 1, bias=False)
        self.fc2 = nn.Conv2d(channels // REDUCTION, channels, 1, bias=False)

    def forward(self, x):
        mlp = lambda d: self.fc2(torch.relu(self.fc1(d)))
        return x * torch.sigmoid(mlp(x.mean((2, 3), keepdim=True)) + mlp(x.amax((2, 3), keepdim=True)))


class SpatialAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(2, 1, 7, padding=3, bias=False)

    def forward(self, x):
        d = torch.cat([x.mean(1, keepdim=True), x.amax(1, keepdim=True)], 1)
        return x * torch.sigmoid(self.conv1(d))


class Cbam(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.ca = ChannelAttention(channels)
        self.sa = SpatialAttention()

    def forward(self, x):
        return self.sa(self.ca(x))


def attended(block_type, name, make):
    """block_type with `name` = make(out channels) applied after the branch's last BN, before the addition."""
    class Block(block_type):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            last_bn = self.bn3 if hasattr(self, "bn3") else self.bn2
            setattr(self, name, make(last_bn.num_features))
            attention = getattr(self, name)
            original = last_bn.forward
            last_bn.forward = lambda x: attention(original(x))
    return Block


def build(depth, attention=None, num_classes=10, small=False):
    block, layers = {18: (resnet.BasicBlock, [2, 2, 2, 2]), 50: (resnet.Bottleneck, [3, 4, 6, 3])}[depth]
    if attention is not None:
        block = attended(block, *attention)
    model = resnet.ResNet(block, layers, num_classes=num_classes)
    if small:  # ModelZoo's small-input mode: conv1 stride 1, no max-pool
        model.conv1.stride = (1, 1)
        model.maxpool = nn.Identity()
    return model.eval()


def name_seed(name):
    return sum((i + 1) * ord(c) for i, c in enumerate(name)) % 997


def wave(n, seed):
    """sin(k·0.7 + (k mod 1000)²·0.001 + seed): a repeated chirp, so neighbouring rows and samples are not in
    phase, with arguments small enough for sin's fast path."""
    k = torch.arange(n, dtype=torch.float64)
    m = torch.remainder(k, 1000)
    return torch.sin(k * 0.7 + m * m * 0.001 + seed)


def fill(model):
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if name.endswith("num_batches_tracked"):
                continue
            s = wave(t.numel(), name_seed(name)).reshape(t.shape)
            if name.endswith("running_var"):
                v = 1 + 0.25 * (1 + s)
            elif name.endswith("running_mean") or name.endswith("bias"):
                v = 0.1 * s
            elif t.dim() == 1:  # BN weight
                v = 1 + 0.2 * s
            else:
                v = s * (2 / math.sqrt(t[0].numel()))
            t.copy_(v.to(t.dtype))


def golden_input(size):
    return wave(2 * 3 * size * size, 0.5).reshape(2, 3, size, size).float()


CASES = [
    ("resnet18", 18, None, 64, False),
    ("resnet50", 50, None, 64, False),
    ("se_resnet18", 18, ("se", SqueezeExcite), 64, False),
    ("se_resnet50", 50, ("se", SqueezeExcite), 64, False),
    ("cbam_resnet18", 18, ("cbam", Cbam), 64, False),
    ("cbam_resnet18 small", 18, ("cbam", Cbam), 32, True),
]

if __name__ == "__main__":
    for label, depth, attention, size, small in CASES:
        model = build(depth, attention, small=small)
        fill(model)
        with torch.no_grad():
            out = model(golden_input(size))
        values = ", ".join(f"{v:.6g}f" for v in out.flatten().tolist())
        print(f"// {label}, {size} px\n[{values}]")

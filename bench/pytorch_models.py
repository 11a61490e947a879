"""PyTorch eager versions of the ModelZoo architectures the benchmark compares, built so that both frameworks run
the same network: same layers, same strides, same parameter count.

- shufflenet_v1_g3_x1_0, mobilenet_v1_x1_0, se_resnet18, se_resnet50: torchvision lacks them, so they are defined
  here layer for layer after src/Zoo/Families/ShuffleNetV1.cs, MobileNetV1.cs and SEResNet.cs (+ ResNet.cs), with
  ModelZoo's attribute names, so `--check` can compare every convolution's output shape by name.
- squeezenet1_0, squeezenet1_1, mobilenet_v2, mobilenet_v3_small, mobilenet_v3_large: torchvision's models, which
  ModelZoo reproduces key for key.

Small-input mode: ModelZoo drops the early downsampling for inputs of at most 64 px (ModelOptions.UsesSmallInput)
unless told otherwise (its benchmark keeps the ImageNet stem at every size); `create(name, small_input=True)` does
the same to every model here (strides only, parameters unchanged), so both sides always compute the same thing. Weight initialisation is PyTorch's default: it does not change the speed.

    /usr/bin/python3 bench/pytorch_models.py --check [--modelzoo ./modelzoo]
checks each architecture's parameter count against the published one and, with --modelzoo, its parameters,
conv + FC MACs and per-layer output shapes against `modelzoo summary --json` at 32 and 224 px.
"""

import argparse
import json
import subprocess
import sys

import torch
import torch.nn as nn
from torchvision import models
from torchvision.models.resnet import BasicBlock, Bottleneck, ResNet
from torchvision.ops import SqueezeExcitation

SMALL_INPUT_THRESHOLD = 64  # ModelOptions.SmallInputThreshold
NUM_CLASSES = 1000


def uses_small_input(input_size):
    return input_size <= SMALL_INPUT_THRESHOLD


def conv_bn_act(in_channels, out_channels, kernel_size=1, stride=1, groups=1):
    """ModelZoo's ConvBnAct with ReLU: children "0" conv (no bias), "1" BN, "2" ReLU."""
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, stride, (kernel_size - 1) // 2, groups=groups, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(inplace=True))


# ---- ShuffleNetV1 (src/Zoo/Families/ShuffleNetV1.cs, megvii layout) ----

def channel_shuffle(x, groups):
    """megvii's shuffle: reshape to (C/g, g), transpose, flatten."""
    n, c, h, w = x.shape
    return x.reshape(n, c // groups, groups, h, w).transpose(1, 2).reshape(n, c, h, w)


class ShuffleUnit(nn.Module):
    def __init__(self, in_channels, out_channels, groups, first_group, stride):
        super().__init__()
        mid = out_channels // 4
        main_out = out_channels - in_channels if stride == 2 else out_channels
        self.groups = groups
        self.branch_main_1 = nn.Sequential(
            nn.Conv2d(in_channels, mid, 1, groups=1 if first_group else groups, bias=False),
            nn.BatchNorm2d(mid),
            nn.ReLU(inplace=True),
            nn.Conv2d(mid, mid, 3, stride, 1, groups=mid, bias=False),
            nn.BatchNorm2d(mid))
        self.branch_main_2 = nn.Sequential(
            nn.Conv2d(mid, main_out, 1, groups=groups, bias=False),
            nn.BatchNorm2d(main_out))
        self.branch_proj = nn.AvgPool2d(3, 2, 1) if stride == 2 else None

    def forward(self, x):
        main = self.branch_main_1(x)
        if self.groups > 1:
            main = channel_shuffle(main, self.groups)
        main = self.branch_main_2(main)
        if self.branch_proj is None:
            return torch.relu_(main + x)
        return torch.cat([self.branch_proj(x), torch.relu_(main)], 1)


class ShuffleNetV1(nn.Module):
    STAGE_REPEATS = [4, 8, 4]

    def __init__(self, channels, groups, small_input, num_classes=NUM_CLASSES):
        """channels: stem, stage 2, stage 3, stage 4 output channels (ShuffleNetV1.StageChannelsFor)."""
        super().__init__()
        self.first_conv = conv_bn_act(3, channels[0], 3, 1 if small_input else 2)
        self.maxpool = nn.Identity() if small_input else nn.MaxPool2d(3, 2, 1)
        units = []
        in_channels = channels[0]
        for stage, repeats in enumerate(self.STAGE_REPEATS):
            for i in range(repeats):
                units.append(ShuffleUnit(in_channels, channels[stage + 1], groups,
                                         first_group=stage == 0 and i == 0, stride=2 if i == 0 else 1))
                in_channels = channels[stage + 1]
        self.features = nn.Sequential(*units)
        self.globalpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(nn.Linear(in_channels, num_classes, bias=False))

    def forward(self, x):
        x = self.features(self.maxpool(self.first_conv(x)))
        return self.classifier(self.globalpool(x).flatten(1))


# ---- MobileNetV1 (src/Zoo/Families/MobileNetV1.cs) ----

class DepthwiseSeparable(nn.Module):
    def __init__(self, in_channels, out_channels, stride):
        super().__init__()
        self.depthwise = conv_bn_act(in_channels, in_channels, 3, stride, groups=in_channels)
        self.pointwise = conv_bn_act(in_channels, out_channels, 1)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))


class MobileNetV1(nn.Module):
    # s (depthwise stride), c (pointwise output channels): the paper's Table 1 after the stem
    BLOCKS = [(1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512),
              (1, 512), (1, 512), (1, 512), (1, 512), (1, 512), (2, 1024), (1, 1024)]

    def __init__(self, small_input, num_classes=NUM_CLASSES, dropout=0.001):
        super().__init__()
        layers = [conv_bn_act(3, 32, 3, 1 if small_input else 2)]
        in_channels = 32
        for stride, out_channels in self.BLOCKS:
            layers.append(DepthwiseSeparable(in_channels, out_channels, stride))
            in_channels = out_channels
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Dropout(dropout), nn.Linear(in_channels, num_classes))

    def forward(self, x):
        x = nn.functional.adaptive_avg_pool2d(self.features(x), 1)
        return self.classifier(x.flatten(1))


# ---- SE-ResNet (src/Zoo/Families/SEResNet.cs over ResNet.cs: torchvision's ResNet, SE before the addition) ----

SE_REDUCTION = 16


class SEBasicBlock(BasicBlock):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        channels = self.bn2.num_features
        self.se = SqueezeExcitation(channels, channels // SE_REDUCTION)

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.se(self.bn2(self.conv2(out)))
        return self.relu(out + (x if self.downsample is None else self.downsample(x)))


class SEBottleneck(Bottleneck):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        channels = self.bn3.num_features
        self.se = SqueezeExcitation(channels, channels // SE_REDUCTION)

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.se(self.bn3(self.conv3(out)))
        return self.relu(out + (x if self.downsample is None else self.downsample(x)))


def se_resnet(block, layers, small_input):
    model = ResNet(block, layers, num_classes=NUM_CLASSES)
    for module in model.modules():  # ResNet.cs: SE conv biases start at 0
        if isinstance(module, SqueezeExcitation):
            nn.init.zeros_(module.fc1.bias)
            nn.init.zeros_(module.fc2.bias)
    if small_input:  # ResNet.cs: conv1 stride 1 (still 7x7), no stem max-pool
        model.conv1.stride = (1, 1)
        model.maxpool = nn.Identity()
    return model


# ---- torchvision models in ModelZoo's small-input mode ----

def small_squeezenet(model):
    """SqueezeNet.cs: conv1 stride 1, the max-pool after it an identity (features.2 keeps its slot)."""
    model.features[0].stride = (1, 1)
    model.features[2] = nn.Identity()
    return model


def small_mobilenet(model):
    """MobileNetV2.cs / MobileNetV3.cs: the stem conv and the first stride-2 block get stride 1; shortcuts follow
    the strides in force (torchvision's rule: stride 1 and equal channels), as ModelZoo's do."""
    model.features[0][0].stride = (1, 1)
    for block in list(model.features)[1:]:
        convs = [m for m in block.modules() if isinstance(m, nn.Conv2d)]
        strided = [c for c in convs if c.stride == (2, 2)]
        if strided:
            strided[0].stride = (1, 1)
            if hasattr(block, "stride"):
                block.stride = 1
            block.use_res_connect = convs[0].in_channels == block.out_channels
            return model
    raise AssertionError("no stride-2 block found")


def _torchvision(factory, small):
    def build(small_input):
        model = factory(weights=None, num_classes=NUM_CLASSES)
        return small(model) if small_input else model
    return build


# name -> (builder(small_input), published parameter count at 1000 classes: shared/reference/architectures.md)
ARCHITECTURES = {
    "shufflenet_v1_g3_x1_0": (lambda small: ShuffleNetV1([24, 240, 480, 960], 3, small), 1_864_728),
    "mobilenet_v1_x1_0": (lambda small: MobileNetV1(small), 4_231_976),
    "se_resnet18": (lambda small: se_resnet(SEBasicBlock, [2, 2, 2, 2], small), 11_778_592),
    "se_resnet50": (lambda small: se_resnet(SEBottleneck, [3, 4, 6, 3], small), 28_088_024),
    "squeezenet1_0": (_torchvision(models.squeezenet1_0, small_squeezenet), 1_248_424),
    "squeezenet1_1": (_torchvision(models.squeezenet1_1, small_squeezenet), 1_235_496),
    "mobilenet_v2": (_torchvision(models.mobilenet_v2, small_mobilenet), 3_504_872),
    "mobilenet_v3_small": (_torchvision(models.mobilenet_v3_small, small_mobilenet), 2_542_856),
    "mobilenet_v3_large": (_torchvision(models.mobilenet_v3_large, small_mobilenet), 5_483_032),
}


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def create(name, small_input):
    """The architecture as ModelZoo builds it, in small-input mode or with the ImageNet stem; fails unless its
    parameter count is the published one."""
    if name not in ARCHITECTURES:
        raise KeyError(f"no PyTorch definition for '{name}'; known: {', '.join(sorted(ARCHITECTURES))}")
    build, expected = ARCHITECTURES[name]
    model = build(small_input)
    count = parameter_count(model)
    if count != expected:
        raise AssertionError(f"{name}: {count:,} parameters, published {expected:,}")
    return model


def layer_shapes_and_macs(model, input_size):
    """Output shape of every Conv2d and Linear for one image, by module name, and the conv + FC MACs (ModelSummary's count)."""
    shapes, macs, hooks = {}, [0], []
    for name, module in model.named_modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            def hook(m, _, out, name=name):
                shapes[name] = list(out.shape)
                if isinstance(m, nn.Conv2d):
                    macs[0] += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
                else:
                    macs[0] += m.in_features * m.out_features
            hooks.append(module.register_forward_hook(hook))
    model.eval()
    with torch.inference_mode():
        model(torch.zeros(1, 3, input_size, input_size))
    for h in hooks:
        h.remove()
    return shapes, macs[0]


def modelzoo_summary(modelzoo, name, input_size):
    out = subprocess.run([modelzoo, "summary", name, "--input-size", str(input_size), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def check(names, modelzoo, sizes):
    """Prints one line per architecture and size; returns the number of mismatches."""
    failures = 0
    for name in names:
        for size in sizes:
            try:
                model = create(name, uses_small_input(size))
            except AssertionError as e:
                print(f"FAIL {e}")
                failures += 1
                continue
            shapes, macs = layer_shapes_and_macs(model, size)
            line = f"{name:24} {size:4} px  params {parameter_count(model):>11,} (published {ARCHITECTURES[name][1]:,})  MACs {macs:>14,}"
            if modelzoo:
                summary = modelzoo_summary(modelzoo, name, size)
                theirs = {l["name"]: l["output_shape"] for l in summary["layers"] if l["type"] in ("Conv2d", "Linear")}
                problems = []
                if summary["params"] != parameter_count(model):
                    problems.append(f"ModelZoo params {summary['params']:,}")
                if summary["macs"] != macs:
                    problems.append(f"ModelZoo MACs {summary['macs']:,}")
                if theirs != shapes:
                    differing = sorted(k for k in set(theirs) | set(shapes) if theirs.get(k) != shapes.get(k))
                    problems.append(f"{len(differing)} conv/linear layers differ in name or output shape, e.g. "
                                    + ", ".join(f"{k}: ModelZoo {theirs.get(k)} PyTorch {shapes.get(k)}" for k in differing[:3]))
                line += "  " + ("FAIL " + "; ".join(problems) if problems else f"= ModelZoo ({len(shapes)} conv/linear shapes match)")
                failures += bool(problems)
            print(line, flush=True)
    return failures


def main():
    parser = argparse.ArgumentParser(description="Check the PyTorch definitions against the published and ModelZoo's counts.")
    parser.add_argument("--check", action="store_true", required=True)
    parser.add_argument("--modelzoo", help="path of the ./modelzoo launcher: also compare with `modelzoo summary --json`")
    parser.add_argument("--archs", default=",".join(ARCHITECTURES))
    parser.add_argument("--sizes", default="32,224")
    args = parser.parse_args()
    failures = check(args.archs.split(","), args.modelzoo, [int(s) for s in args.sizes.split(",")])
    print("all match" if failures == 0 else f"{failures} mismatches")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

"""MiniFASNet as a PyTorch module, rebuilt from a published checkpoint.

The layer sizes are read from the checkpoint's own tensors, so one builder serves both published networks
(MiniFASNetV2 and MiniFASNetV1SE): a stem, three stages of depth-wise blocks between down-sampling blocks, a 5x5
depth-wise head, a 128-d embedding and a 3-class output (index 1 = real face). Parameter names match the checkpoint,
so its state dict loads as it is.
"""
import torch
from torch import nn


class ConvUnit(nn.Module):
    """Convolution, batch norm and (unless linear) PReLU, named conv / bn / prelu like the checkpoint."""

    def __init__(self, weight, stride=1, padding=None, linear=False):
        super().__init__()
        out_c, in_per_group, k, _ = weight.shape
        groups = out_c if in_per_group == 1 and out_c > 1 else 1
        pad = (k // 2) if padding is None else padding
        self.conv = nn.Conv2d(in_per_group * groups, out_c, k, stride, pad, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(out_c)
        self.prelu = None if linear else nn.PReLU(out_c)

    def forward(self, x):
        x = self.bn(self.conv(x))
        return x if self.prelu is None else self.prelu(x)


class Squeeze(nn.Module):
    """Squeeze-and-excitation over the channels, named fc1 / bn1 / fc2 / bn2 like the checkpoint."""

    def __init__(self, sd, prefix):
        super().__init__()
        reduced, channels = sd[prefix + "fc1.weight"].shape[:2]
        self.fc1 = nn.Conv2d(channels, reduced, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(reduced)
        self.fc2 = nn.Conv2d(reduced, channels, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        w = torch.relu(self.bn1(self.fc1(x.mean(dim=(2, 3), keepdim=True))))
        return x * torch.sigmoid(self.bn2(self.fc2(w)))


class Block(nn.Module):
    """Expand (1x1), depth-wise 3x3, project (1x1, linear); with a shortcut inside a stage, down-sampling between."""

    def __init__(self, sd, prefix, stride, residual):
        super().__init__()
        self.conv = ConvUnit(sd[prefix + "conv.conv.weight"])
        self.conv_dw = ConvUnit(sd[prefix + "conv_dw.conv.weight"], stride=stride)
        self.project = ConvUnit(sd[prefix + "project.conv.weight"], linear=True)
        self.se_module = Squeeze(sd, prefix + "se_module.") if prefix + "se_module.fc1.weight" in sd else None
        self.residual = residual

    def forward(self, x):
        y = self.project(self.conv_dw(self.conv(x)))
        if not self.residual:
            return y
        if self.se_module is not None:
            y = self.se_module(y)
        return x + y


class Stage(nn.Module):
    def __init__(self, sd, prefix):
        super().__init__()
        count = len({k.split(".")[2] for k in sd if k.startswith(prefix + "model.")})
        self.model = nn.Sequential(*[Block(sd, f"{prefix}model.{i}.", 1, True) for i in range(count)])

    def forward(self, x):
        return self.model(x)


class MiniFASNet(nn.Module):
    def __init__(self, sd):
        super().__init__()
        self.conv1 = ConvUnit(sd["conv1.conv.weight"], stride=2)
        self.conv2_dw = ConvUnit(sd["conv2_dw.conv.weight"])
        self.conv_23 = Block(sd, "conv_23.", 2, False)
        self.conv_3 = Stage(sd, "conv_3.")
        self.conv_34 = Block(sd, "conv_34.", 2, False)
        self.conv_4 = Stage(sd, "conv_4.")
        self.conv_45 = Block(sd, "conv_45.", 2, False)
        self.conv_5 = Stage(sd, "conv_5.")
        self.conv_6_sep = ConvUnit(sd["conv_6_sep.conv.weight"])
        self.conv_6_dw = ConvUnit(sd["conv_6_dw.conv.weight"], padding=0, linear=True)
        self.linear = nn.Linear(*reversed(sd["linear.weight"].shape), bias=False)
        self.bn = nn.BatchNorm1d(sd["linear.weight"].shape[0])
        self.drop = nn.Dropout(0.2)
        self.prob = nn.Linear(*reversed(sd["prob.weight"].shape), bias=False)

    def features(self, x):
        for layer in (self.conv1, self.conv2_dw, self.conv_23, self.conv_3, self.conv_34, self.conv_4, self.conv_45,
                      self.conv_5, self.conv_6_sep, self.conv_6_dw):
            x = layer(x)
        return self.bn(self.linear(x.flatten(1)))

    def forward(self, x):
        return self.prob(self.drop(self.features(x)))


def load(path):
    """The network of a published checkpoint (keys prefixed "module."), in evaluation mode."""
    sd = {k.removeprefix("module."): v for k, v in torch.load(path, map_location="cpu").items()}
    net = MiniFASNet(sd)
    net.load_state_dict(sd)
    return net.eval()

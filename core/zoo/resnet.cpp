// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/zoo/architectures_p.h"

namespace cleave::zoo::arch {

using torch::jit::Module;

namespace {

Module downsample(Builder &b, int in, int out, int stride)
{
    return b.sequential({b.conv(in, out, 1, stride), b.batchNorm(out)});
}

Module basicBlock(Builder &b, int in, int planes, int stride)
{
    Builder::Children children{{"conv1", b.conv(in, planes, 3, stride, 1)},
                               {"bn1", b.batchNorm(planes)},
                               {"conv2", b.conv(planes, planes, 3, 1, 1)},
                               {"bn2", b.batchNorm(planes)}};
    std::string identity = "x";
    if (stride != 1 || in != planes) {
        children.emplace_back("downsample", downsample(b, in, planes, stride));
        identity = "self.downsample.forward(x)";
    }
    return b.module("BasicBlock",
                    "    out = torch.relu(self.bn1.forward(self.conv1.forward(x)))\n"
                    "    out = self.bn2.forward(self.conv2.forward(out))\n"
                    "    return torch.relu(out + " +
                        identity + ")\n",
                    children);
}

Module bottleneck(Builder &b, int in, int planes, int stride)
{
    const int out = planes * 4;
    Builder::Children children{{"conv1", b.conv(in, planes, 1)},
                               {"bn1", b.batchNorm(planes)},
                               {"conv2", b.conv(planes, planes, 3, stride, 1)},
                               {"bn2", b.batchNorm(planes)},
                               {"conv3", b.conv(planes, out, 1)},
                               {"bn3", b.batchNorm(out)}};
    std::string identity = "x";
    if (stride != 1 || in != out) {
        children.emplace_back("downsample", downsample(b, in, out, stride));
        identity = "self.downsample.forward(x)";
    }
    return b.module("Bottleneck",
                    "    out = torch.relu(self.bn1.forward(self.conv1.forward(x)))\n"
                    "    out = torch.relu(self.bn2.forward(self.conv2.forward(out)))\n"
                    "    out = self.bn3.forward(self.conv3.forward(out))\n"
                    "    return torch.relu(out + " +
                        identity + ")\n",
                    children);
}

} // namespace

Module resnet(Builder &b, int depth, int classes)
{
    const bool basic = depth < 50;
    std::vector<int> blocks;
    switch (depth) {
    case 18:
        blocks = {2, 2, 2, 2};
        break;
    case 34:
    case 50:
        blocks = {3, 4, 6, 3};
        break;
    case 101:
        blocks = {3, 4, 23, 3};
        break;
    default:
        blocks = {3, 8, 36, 3};
        break;
    }
    Builder::Children children{{"conv1", b.conv(3, 64, 7, 2, 3)}, {"bn1", b.batchNorm(64)}};
    int in = 64;
    for (int stage = 0; stage < 4; ++stage) {
        const int planes = 64 << stage;
        std::vector<Module> layer;
        for (int i = 0; i < blocks[size_t(stage)]; ++i) {
            const int stride = stage > 0 && i == 0 ? 2 : 1;
            layer.push_back(basic ? basicBlock(b, in, planes, stride)
                                  : bottleneck(b, in, planes, stride));
            in = basic ? planes : planes * 4;
        }
        children.emplace_back("layer" + std::to_string(stage + 1), b.sequential(layer));
    }
    children.emplace_back("fc", b.linear(in, classes));
    return b.module("ResNet",
                    "    x = torch.relu(self.bn1.forward(self.conv1.forward(x)))\n"
                    "    x = torch.max_pool2d(x, [3, 3], [2, 2], [1, 1])\n"
                    "    x = self.layer1.forward(x)\n"
                    "    x = self.layer2.forward(x)\n"
                    "    x = self.layer3.forward(x)\n"
                    "    x = self.layer4.forward(x)\n"
                    "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)\n"
                    "    return self.fc.forward(x)\n",
                    children);
}

} // namespace cleave::zoo::arch

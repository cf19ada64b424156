// SPDX-License-Identifier: GPL-3.0-or-later
// The plain-chain networks: MobileNetV2, VGG-16 and InspectNet.
#include "core/zoo/architectures_p.h"

namespace cleave::zoo::arch {

using torch::jit::Module;

namespace {

// torchvision's Conv2dNormActivation with ReLU6 (or no activation).
Module convBnAct(Builder &b, int in, int out, int kernel, int stride, int groups, bool relu6)
{
    return b.module(
        "ConvBNActivation",
        relu6 ? "    x = getattr(self, \"1\").forward(getattr(self, \"0\").forward(x))\n"
                "    return torch.hardtanh(x, 0.0, 6.0)\n"
              : "    return getattr(self, \"1\").forward(getattr(self, \"0\").forward(x))\n",
        {{"0", b.conv(in, out, kernel, stride, (kernel - 1) / 2, groups)},
         {"1", b.batchNorm(out)}});
}

Module invertedResidual(Builder &b, int in, int out, int stride, int expand)
{
    const int hidden = in * expand;
    std::vector<Module> layers;
    if (expand != 1)
        layers.push_back(convBnAct(b, in, hidden, 1, 1, 1, true));
    layers.push_back(convBnAct(b, hidden, hidden, 3, stride, hidden, true));
    layers.push_back(convBnAct(b, hidden, out, 1, 1, 1, false));
    const bool residual = stride == 1 && in == out;
    return b.module("InvertedResidual",
                    residual ? "    return x + self.conv.forward(x)\n"
                             : "    return self.conv.forward(x)\n",
                    {{"conv", b.sequential(layers)}});
}

} // namespace

Module mobilenetV2(Builder &b, int classes)
{
    struct Setting
    {
        int expand, channels, repeats, stride;
    };
    const Setting settings[] = {{1, 16, 1, 1}, {6, 24, 2, 2},  {6, 32, 3, 2}, {6, 64, 4, 2},
                                {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
    std::vector<Module> features{convBnAct(b, 3, 32, 3, 2, 1, true)};
    int in = 32;
    for (const auto &s : settings) {
        for (int i = 0; i < s.repeats; ++i) {
            features.push_back(
                invertedResidual(b, in, s.channels, i == 0 ? s.stride : 1, s.expand));
            in = s.channels;
        }
    }
    features.push_back(convBnAct(b, in, 1280, 1, 1, 1, true));
    return b.module(
        "MobileNetV2",
        "    x = self.features.forward(x)\n"
        "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)\n"
        "    return self.classifier.forward(x)\n",
        {{"features", b.sequential(features)}, {"classifier", b.linear(1280, classes)}});
}

Module vgg16(Builder &b, int classes)
{
    const auto maxPool = [&] {
        return b.module("MaxPool2d", "    return torch.max_pool2d(x, [2, 2], [2, 2])\n", {});
    };
    std::vector<Module> features;
    int in = 3;
    for (const int v :
         {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0}) {
        if (v == 0) {
            features.push_back(maxPool());
            continue;
        }
        features.push_back(b.conv(in, v, 3, 1, 1, 1, /*bias=*/true));
        features.push_back(b.relu());
        in = v;
    }
    // Dropout is the identity in eval mode and left out.
    const auto classifier = b.sequential({b.linear(512 * 7 * 7, 4096), b.relu(),
                                          b.linear(4096, 4096), b.relu(), b.linear(4096, classes)});
    return b.module("VGG",
                    "    x = self.features.forward(x)\n"
                    "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [7, 7]), 1)\n"
                    "    return self.classifier.forward(x)\n",
                    {{"features", b.sequential(features)}, {"classifier", classifier}});
}

Module inspectNet(Builder &b, int classes)
{
    const auto stage = [&](int in, int out) {
        return b.module("ConvBNReLU",
                        "    return torch.relu(self.bn.forward(self.conv.forward(x)))\n",
                        {{"conv", b.conv(in, out, 3, 1, 1)}, {"bn", b.batchNorm(out)}});
    };
    return b.module("InspectNet",
                    "    x = self.conv2.forward(self.conv1.forward(x))\n"
                    "    x = torch.max_pool2d(x, [2, 2], [2, 2])\n"
                    "    x = self.conv4.forward(self.conv3.forward(x))\n"
                    "    x = torch.max_pool2d(x, [2, 2], [2, 2])\n"
                    "    x = self.conv5.forward(x)\n"
                    "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)\n"
                    "    return self.fc.forward(x)\n",
                    {{"conv1", stage(1, 32)},
                     {"conv2", stage(32, 32)},
                     {"conv3", stage(32, 64)},
                     {"conv4", stage(64, 64)},
                     {"conv5", stage(64, 128)},
                     {"fc", b.linear(128, classes)}});
}

} // namespace cleave::zoo::arch

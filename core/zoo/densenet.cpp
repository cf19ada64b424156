// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/zoo/architectures_p.h"

namespace cleave::zoo::arch {

using torch::jit::Module;

namespace {

constexpr int kGrowth = 32;
constexpr int kBottleneckWidth = 4 * kGrowth;

Module denseLayer(Builder &b, int in)
{
    // Concatenating here (rather than keeping a list of all earlier outputs) computes the same
    // thing and leaves one tensor between layers: each dense layer can be a split point, as in
    // the Keras DenseNet the papers split.
    return b.module("DenseLayer",
                    "    y = self.conv1.forward(torch.relu(self.norm1.forward(x)))\n"
                    "    y = self.conv2.forward(torch.relu(self.norm2.forward(y)))\n"
                    "    return torch.cat([x, y], 1)\n",
                    {{"norm1", b.batchNorm(in)},
                     {"conv1", b.conv(in, kBottleneckWidth, 1)},
                     {"norm2", b.batchNorm(kBottleneckWidth)},
                     {"conv2", b.conv(kBottleneckWidth, kGrowth, 3, 1, 1)}});
}

Module transition(Builder &b, int in, int out)
{
    return b.module("Transition",
                    "    x = self.conv.forward(torch.relu(self.norm.forward(x)))\n"
                    "    return torch.avg_pool2d(x, [2, 2], [2, 2])\n",
                    {{"norm", b.batchNorm(in)}, {"conv", b.conv(in, out, 1)}});
}

} // namespace

Module densenet(Builder &b, int depth, int classes)
{
    std::vector<int> config;
    switch (depth) {
    case 121:
        config = {6, 12, 24, 16};
        break;
    case 169:
        config = {6, 12, 32, 32};
        break;
    default:
        config = {6, 12, 48, 32};
        break;
    }
    Builder::Children features{{"conv0", b.conv(3, 64, 7, 2, 3)}, {"norm0", b.batchNorm(64)}};
    std::string body = "    x = torch.relu(self.norm0.forward(self.conv0.forward(x)))\n"
                       "    x = torch.max_pool2d(x, [3, 3], [2, 2], [1, 1])\n";
    int channels = 64;
    for (size_t i = 0; i < config.size(); ++i) {
        Builder::Children layers;
        std::string blockBody;
        for (int l = 0; l < config[i]; ++l) {
            const auto name = "denselayer" + std::to_string(l + 1);
            layers.emplace_back(name, denseLayer(b, channels));
            blockBody += "    x = self." + name + ".forward(x)\n";
            channels += kGrowth;
        }
        const auto block = "denseblock" + std::to_string(i + 1);
        features.emplace_back(block, b.module("DenseBlock", blockBody + "    return x\n", layers));
        body += "    x = self." + block + ".forward(x)\n";
        if (i + 1 < config.size()) {
            const auto name = "transition" + std::to_string(i + 1);
            features.emplace_back(name, transition(b, channels, channels / 2));
            body += "    x = self." + name + ".forward(x)\n";
            channels /= 2;
        }
    }
    features.emplace_back("norm5", b.batchNorm(channels));
    body += "    return self.norm5.forward(x)\n";

    return b.module("DenseNet",
                    "    x = torch.relu(self.features.forward(x))\n"
                    "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)\n"
                    "    return self.classifier.forward(x)\n",
                    {{"features", b.module("DenseFeatures", body, features)},
                     {"classifier", b.linear(channels, classes)}});
}

} // namespace cleave::zoo::arch

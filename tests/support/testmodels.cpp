// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmodels.h"

#include "core/zoo/builder.h"

#include <string>

namespace cleave::testing {

using torch::jit::Module;

namespace {

Module basicBlock(zoo::Builder &b, int in, int out, int stride)
{
    zoo::Builder::Children children{{"conv1", b.conv(in, out, 3, stride, 1)},
                                    {"bn1", b.batchNorm(out)},
                                    {"conv2", b.conv(out, out, 3, 1, 1)},
                                    {"bn2", b.batchNorm(out)}};
    std::string shortcut = "x";
    if (stride != 1 || in != out) {
        children.emplace_back("downsample", b.conv(in, out, 1, stride));
        shortcut = "self.downsample.forward(x)";
    }
    return b.module("BasicBlock",
                    "    y = torch.relu(self.bn1.forward(self.conv1.forward(x)))\n"
                    "    y = self.bn2.forward(self.conv2.forward(y))\n"
                    "    return torch.relu(y + " +
                        shortcut + ")\n",
                    children);
}

} // namespace

Module residualCnn(int stages, int blocksPerStage, int width, int classes, uint64_t seed)
{
    zoo::Builder b(seed);
    zoo::Builder::Children children{{"stem", b.conv(3, width, 3, 1, 1)},
                                    {"bn", b.batchNorm(width)}};
    std::string body = "    x = torch.relu(self.bn.forward(self.stem.forward(x)))\n";
    int channels = width;
    for (int stage = 0; stage < stages; ++stage) {
        std::vector<Module> blocks;
        const int out = width << stage;
        for (int i = 0; i < blocksPerStage; ++i) {
            blocks.push_back(basicBlock(b, channels, out, stage > 0 && i == 0 ? 2 : 1));
            channels = out;
        }
        const auto name = "layer" + std::to_string(stage + 1);
        children.emplace_back(name, b.sequential(blocks));
        body += "    x = self." + name + ".forward(x)\n";
    }
    children.emplace_back("fc", b.linear(channels, classes));
    body += "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)\n"
            "    return self.fc.forward(x)\n";
    auto model = b.module("ResidualCnn", body, children);
    // Non-trivial running statistics, so that folding BatchNorm into the convolutions matters.
    b.calibrateBatchNorm(model, {4, 3, 32, 32});
    return model;
}

Module convChain(int layers, int channels, uint64_t seed)
{
    zoo::Builder b(seed);
    zoo::Builder::Children children;
    std::string body;
    for (int i = 0; i < layers; ++i) {
        const auto name = "conv" + std::to_string(i);
        children.emplace_back(name, b.conv(i == 0 ? 3 : channels, channels, 3, 1, 1));
        body += "    x = torch.relu(self." + name + ".forward(x))\n";
    }
    body += "    return x\n";
    auto model = b.module("ConvChain", body, children);
    model.eval();
    return model;
}

Module demoModel()
{
    return residualCnn(3, 2, 16, 10, 42);
}

} // namespace cleave::testing

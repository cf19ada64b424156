// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmodels.h"

#include <ATen/CPUGeneratorImpl.h>

#include <string>

namespace cleave::testing {

namespace {

using torch::jit::Module;

class Builder
{
public:
    explicit Builder(uint64_t seed)
        : m_generator(at::detail::createCPUGenerator(seed))
    {}

    Module conv(int in, int out, int kernel, int stride)
    {
        Module m(c10::QualifiedName("__torch__.cleave.testing.Conv" + unique()));
        const double std = std::sqrt(2.0 / (in * kernel * kernel)); // Kaiming normal
        m.register_parameter("weight", torch::randn({out, in, kernel, kernel}, m_generator) * std,
                             false);
        const auto s = std::to_string(stride);
        const auto p = std::to_string(kernel / 2);
        m.define("def forward(self, x):\n"
                 "    return torch.conv2d(x, self.weight, None, [" +
                 s + ", " + s + "], [" + p + ", " + p + "])\n");
        return m;
    }

    Module batchNorm(int channels)
    {
        Module m(c10::QualifiedName("__torch__.cleave.testing.BatchNorm" + unique()));
        m.register_parameter("weight", torch::ones({channels}), false);
        m.register_parameter("bias", torch::zeros({channels}), false);
        // Non-trivial running statistics so that folding BN into the conv is exercised.
        m.register_buffer("running_mean", torch::randn({channels}, m_generator) * 0.1);
        m.register_buffer("running_var", torch::rand({channels}, m_generator) + 0.5);
        m.define("def forward(self, x):\n"
                 "    return torch.batch_norm(x, self.weight, self.bias, self.running_mean,\n"
                 "        self.running_var, False, 0.1, 1e-5, False)\n");
        return m;
    }

    Module linear(int in, int out)
    {
        Module m(c10::QualifiedName("__torch__.cleave.testing.Linear" + unique()));
        m.register_parameter("weight", torch::randn({out, in}, m_generator) / std::sqrt(in), false);
        m.register_parameter("bias", torch::zeros({out}), false);
        m.define("def forward(self, x):\n"
                 "    return torch.linear(x, self.weight, self.bias)\n");
        return m;
    }

    Module basicBlock(int in, int out, int stride)
    {
        Module m(c10::QualifiedName("__torch__.cleave.testing.BasicBlock" + unique()));
        m.register_module("conv1", conv(in, out, 3, stride));
        m.register_module("bn1", batchNorm(out));
        m.register_module("conv2", conv(out, out, 3, 1));
        m.register_module("bn2", batchNorm(out));
        std::string shortcut = "x";
        if (stride != 1 || in != out) {
            m.register_module("downsample", conv(in, out, 1, stride));
            shortcut = "self.downsample.forward(x)";
        }
        m.define("def forward(self, x):\n"
                 "    y = torch.relu(self.bn1.forward(self.conv1.forward(x)))\n"
                 "    y = self.bn2.forward(self.conv2.forward(y))\n"
                 "    return torch.relu(y + " +
                 shortcut + ")\n");
        return m;
    }

private:
    std::string unique() { return std::to_string(m_counter++); }

    at::Generator m_generator;
    int m_counter = 0;
};

} // namespace

torch::jit::Module residualCnn(int stages, int blocksPerStage, int width, int classes,
                               uint64_t seed)
{
    Builder b(seed);
    Module model(c10::QualifiedName("__torch__.cleave.testing.ResidualCnn"));
    model.register_module("stem", b.conv(3, width, 3, 1));
    model.register_module("bn", b.batchNorm(width));
    std::string body = "def forward(self, x):\n"
                       "    x = torch.relu(self.bn.forward(self.stem.forward(x)))\n";
    int channels = width;
    for (int stage = 0; stage < stages; ++stage) {
        Module layer(c10::QualifiedName("__torch__.cleave.testing.Stage" + std::to_string(stage)));
        std::string layerBody = "def forward(self, x):\n";
        const int out = width << stage;
        for (int i = 0; i < blocksPerStage; ++i) {
            const int stride = stage > 0 && i == 0 ? 2 : 1;
            layer.register_module(std::to_string(i), b.basicBlock(channels, out, stride));
            layerBody += "    x = getattr(self, \"" + std::to_string(i) + "\").forward(x)\n";
            channels = out;
        }
        layerBody += "    return x\n";
        layer.define(layerBody);
        const auto name = "layer" + std::to_string(stage + 1);
        model.register_module(name, layer);
        body += "    x = self." + name + ".forward(x)\n";
    }
    model.register_module("fc", b.linear(channels, classes));
    body += "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)\n"
            "    return self.fc.forward(x)\n";
    model.define(body);
    model.eval();
    return model;
}

torch::jit::Module convChain(int layers, int channels, uint64_t seed)
{
    Builder b(seed);
    Module model(c10::QualifiedName("__torch__.cleave.testing.ConvChain"));
    std::string body = "def forward(self, x):\n";
    for (int i = 0; i < layers; ++i) {
        const auto name = "conv" + std::to_string(i);
        model.register_module(name, b.conv(i == 0 ? 3 : channels, channels, 3, 1));
        body += "    x = torch.relu(self." + name + ".forward(x))\n";
    }
    body += "    return x\n";
    model.define(body);
    model.eval();
    return model;
}

torch::jit::Module demoModel()
{
    return residualCnn(3, 2, 16, 10, 42);
}

} // namespace cleave::testing

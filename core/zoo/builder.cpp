// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/zoo/builder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <torch/csrc/jit/api/compilation_unit.h>

#include <cmath>
#include <sstream>

namespace cleave::zoo {

using torch::jit::Module;

namespace {
constexpr double kMomentum = 0.1; // torch.nn.BatchNorm2d's default
}

Builder::Builder(uint64_t seed)
    : m_generator(at::detail::createCPUGenerator(seed))
    , m_unit(std::make_shared<torch::jit::CompilationUnit>())
{}

Module Builder::module(const std::string &kind, const std::string &forwardBody,
                       const Children &children, const Tensors &parameters, const Tensors &buffers,
                       const Attributes &attributes, const std::string &arguments)
{
    // The class is what the code and the attributes' types say; shapes do not matter.
    std::string key = kind + '\n' + arguments + '\n' + forwardBody;
    for (const auto &[name, child] : children)
        key += "\nmodule " + name + ':' + child.type()->name()->qualifiedName();
    for (const auto &[name, tensor] : parameters)
        key += "\nparameter " + name;
    for (const auto &[name, tensor] : buffers)
        key += "\nbuffer " + name;
    for (const auto &[name, value] : attributes)
        key += "\nattribute " + name + ':' + value.type()->repr_str();

    const auto existing = m_classes.find(key);
    const bool fresh = existing == m_classes.end();
    Module m;
    if (fresh) {
        const int n = m_kindCount[kind]++;
        const auto name = "__torch__.cleave.zoo." + kind + (n ? "_" + std::to_string(n) : "");
        m = Module(c10::QualifiedName(name), m_unit, /*shouldMangle=*/false);
    } else {
        m = Module(m_unit, existing->second);
    }
    m.register_attribute("training", c10::BoolType::get(), false);
    for (const auto &[name, tensor] : parameters)
        m.register_parameter(name, tensor, /*is_buffer=*/false);
    for (const auto &[name, tensor] : buffers)
        m.register_buffer(name, tensor);
    for (const auto &[name, value] : attributes)
        m.register_attribute(name, value.type(), value);
    for (const auto &[name, child] : children)
        m.register_module(name, child);
    if (fresh) {
        m.define("def forward(self, " + arguments + "):\n" + forwardBody);
        m_classes.emplace(key, m.type());
    }
    return m;
}

Module Builder::sequential(const std::vector<Module> &layers)
{
    Children children;
    std::string body;
    for (size_t i = 0; i < layers.size(); ++i) {
        const auto name = std::to_string(i);
        children.emplace_back(name, layers[i]);
        body += "    x = getattr(self, \"" + name + "\").forward(x)\n";
    }
    body += "    return x\n";
    return module("Sequential", body, children);
}

torch::Tensor Builder::kaimingNormal(std::vector<int64_t> shape, int64_t fan)
{
    // Drawn in place: building never holds more than the parameters themselves.
    return torch::empty(shape).normal_(0.0, std::sqrt(2.0 / double(fan)), m_generator);
}

Module Builder::conv(int in, int out, Pair kernel, Pair stride, Pair padding, int groups, bool bias)
{
    std::ostringstream body;
    body << "    return torch.conv2d(x, self.weight, " << (bias ? "self.bias" : "None") << ", ["
         << stride.h << ", " << stride.w << "], [" << padding.h << ", " << padding.w
         << "], [1, 1], " << groups << ")\n";
    Tensors parameters{{"weight", kaimingNormal({out, in / groups, kernel.h, kernel.w},
                                                int64_t(out) * kernel.h * kernel.w / groups)}};
    if (bias)
        parameters.emplace_back("bias", torch::zeros({out}));
    return module("Conv2d", body.str(), {}, parameters);
}

Module Builder::convTranspose(int in, int out, int kernel, int stride)
{
    std::ostringstream body;
    body << "    return torch.conv_transpose2d(x, self.weight, self.bias, [" << stride << ", "
         << stride << "])\n";
    const Tensors parameters{
        {"weight", kaimingNormal({in, out, kernel, kernel}, int64_t(out) * kernel * kernel)},
        {"bias", torch::zeros({out})}};
    return module("ConvTranspose2d", body.str(), {}, parameters);
}

Module Builder::batchNorm(int channels, double eps, bool scale)
{
    const std::string body = "    return torch.batch_norm(x, " +
                             std::string(scale ? "self.weight" : "None") +
                             ", self.bias, self.running_mean, self.running_var, self.training, "
                             "self.momentum, " +
                             literal(eps) + ", False)\n";
    Tensors parameters;
    if (scale)
        parameters.emplace_back("weight", torch::ones({channels}));
    parameters.emplace_back("bias", torch::zeros({channels}));
    return module(
        "BatchNorm2d", body, {}, parameters,
        {{"running_mean", torch::zeros({channels})}, {"running_var", torch::ones({channels})}},
        {{"momentum", kMomentum}});
}

Module Builder::linear(int in, int out)
{
    return module("Linear", "    return torch.linear(x, self.weight, self.bias)\n", {},
                  {{"weight", kaimingNormal({out, in}, in)}, {"bias", torch::zeros({out})}});
}

Module Builder::relu()
{
    return module("ReLU", "    return torch.relu(x)\n", {});
}

void Builder::calibrateBatchNorm(Module &model, const std::vector<int64_t> &batchShape)
{
    std::vector<Module> norms;
    for (const auto &m : model.modules())
        if (m.hasattr("momentum") && m.hasattr("running_var"))
            norms.push_back(m);
    if (norms.empty())
        return;
    // One thread: reductions then sum in one order, so the same seed gives the same bytes on
    // any machine. (With OpenMP this setting is the calling thread's own.)
    const int threads = at::get_num_threads();
    at::set_num_threads(1);
    for (auto &m : norms)
        m.setattr("momentum", 1.0);
    model.train(true);
    {
        torch::NoGradGuard noGrad;
        model.forward({torch::randn(batchShape, m_generator)});
    }
    for (auto &m : norms)
        m.setattr("momentum", kMomentum);
    model.eval();
    at::set_num_threads(threads);
}

std::string literal(double value)
{
    std::ostringstream text;
    text.imbue(std::locale::classic());
    text << value;
    auto s = text.str();
    if (s.find_first_of(".e") == std::string::npos)
        s += ".0";
    return s;
}

} // namespace cleave::zoo

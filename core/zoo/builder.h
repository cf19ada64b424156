// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/script.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cleave::zoo {

/// Height and width of a kernel, stride or padding.
struct Pair
{
    Pair(int both = 0)
        : h(both)
        , w(both)
    {}
    Pair(int height, int width)
        : h(height)
        , w(width)
    {}
    int h;
    int w;
};

/// Builds TorchScript modules in C++ the way Python's nn.Module classes work: instances with the
/// same forward code and child classes share one class, so each distinct layer type is compiled
/// once (fast to build, small to save). Weights come from one seeded generator in build order,
/// so the same seed gives the same model, byte for byte.
class Builder
{
public:
    using Children = std::vector<std::pair<std::string, torch::jit::Module>>;
    using Tensors = std::vector<std::pair<std::string, torch::Tensor>>;
    using Attributes = std::vector<std::pair<std::string, c10::IValue>>;

    explicit Builder(uint64_t seed);

    /// A module of class `kind` whose forward(self, x) has the given body (indented 4 spaces);
    /// `arguments` names forward's inputs where it takes more than x.
    torch::jit::Module module(const std::string &kind, const std::string &forwardBody,
                              const Children &children, const Tensors &parameters = {},
                              const Tensors &buffers = {}, const Attributes &attributes = {},
                              const std::string &arguments = "x");

    /// Children named "0", "1", ... run one after the other (nn.Sequential).
    torch::jit::Module sequential(const std::vector<torch::jit::Module> &layers);

    /// Convolution with Kaiming-normal weights (fan-out, ReLU gain), as torchvision initialises.
    torch::jit::Module conv(int in, int out, Pair kernel, Pair stride = 1, Pair padding = 0,
                            int groups = 1, bool bias = false);
    /// Batch normalisation with running statistics (and a `momentum` attribute, as in
    /// torch.nn); `scale` false leaves out the learned multiplier (Keras' scale=False).
    torch::jit::Module batchNorm(int channels, double eps = 1e-5, bool scale = true);
    /// Transposed convolution with a bias (nn.ConvTranspose2d), padding 0.
    torch::jit::Module convTranspose(int in, int out, int kernel, int stride);
    torch::jit::Module linear(int in, int out);
    torch::jit::Module relu();

    /// Sets every BatchNorm's running statistics to those of a seeded random batch, one layer
    /// after the other (one training-mode forward with momentum 1), so activations keep a
    /// trained network's scale instead of growing with depth. Leaves the model in eval mode.
    void calibrateBatchNorm(torch::jit::Module &model, const std::vector<int64_t> &batchShape);

private:
    torch::Tensor kaimingNormal(std::vector<int64_t> shape, int64_t fan);

    at::Generator m_generator;
    std::shared_ptr<torch::jit::CompilationUnit> m_unit;
    std::map<std::string, c10::ClassTypePtr> m_classes; ///< by code and child classes
    std::map<std::string, int> m_kindCount;
};

/// Number formatting for generated code: "0.001", "1e-05".
std::string literal(double value);

} // namespace cleave::zoo

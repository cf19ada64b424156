// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tl/inserter.h"

#include "core/error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/csrc/jit/ir/ir.h>

#include <cmath>

namespace cleave::tl {

namespace {

using torch::jit::Value;
namespace aten = c10::aten;

/// A 1x1 convolution with seeded Kaiming-normal weights, registered as a parameter.
Value *conv1x1(torch::jit::Graph &graph, Value *x, torch::jit::Module &module,
               const std::string &name, int64_t out, int64_t in, at::Generator &generator)
{
    module.register_parameter(
        name, torch::randn({out, in, 1, 1}, generator) * std::sqrt(2.0 / double(in)), false);
    Value *weight = graph.insertGetAttr(graph.inputs().at(0), name);
    return graph.insert(aten::conv2d, {x, weight});
}

} // namespace

TlModel insertTransferLayer(const graph::ModelGraph &model, int cut, const TlSpec &spec,
                            uint64_t seed)
{
    const int k = model.blockCount();
    if (cut < 0 || cut > k)
        throw Error(ErrorKind::InvalidInput, model.name() + ": split " + std::to_string(cut) +
                                                 " is out of range 0.." + std::to_string(k));
    model.requireOneTensor(cut, "a Transfer Layer");
    const auto &shape = model.cuts()[size_t(cut)].shape();
    if (!spec.appliesTo(shape))
        throw Error(ErrorKind::InvalidInput,
                    model.name() + ": " + spec.name() + " cannot apply at split " +
                        std::to_string(cut) + ", a " + graph::formatShape(shape) +
                        " tensor (it needs N x C x H x W with H, W > 1" +
                        (spec.channelDivisor
                             ? " and C divisible by " + std::to_string(spec.channelDivisor)
                             : std::string()) +
                        ")");
    TlModel result;
    result.modelName = model.name();
    result.inputShape = model.inputShape();
    result.cut = cut;
    result.spec = spec;
    result.cutShape = shape;
    result.wireShape = spec.reducedShape(shape);

    auto generator = at::detail::createCPUGenerator(seed);
    const int64_t channels = shape[1];
    const int64_t reduced = result.wireShape[1];
    const auto pool = devicePoolGraph(spec, shape);
    const std::vector<int64_t> size{shape[2], shape[3]};
    result.module = model.trainableWith(
        cut, [&](torch::jit::Graph &graph, Value *x, torch::jit::Module &module) -> Value * {
            // DeviceTL: the same pooling graph the agents time.
            Value *y = torch::jit::insertGraph(graph, *pool, {x}).at(0);
            if (spec.channelDivisor)
                y = conv1x1(graph, y, module, "tl_reduce", reduced, channels, generator);
            // EdgeTL.
            if (spec.channelDivisor)
                y = conv1x1(graph, y, module, "tl_restore", channels, reduced, generator);
            return graph.insert(aten::upsample_nearest2d, {y, size});
        });
    return result;
}

std::vector<torch::Tensor> trainableParameters(const TlModel &model, bool afterCutOnly)
{
    std::vector<torch::Tensor> parameters;
    for (const auto &p : model.module.named_parameters()) {
        if (afterCutOnly && p.name.rfind("before_", 0) == 0)
            continue;
        parameters.push_back(p.value);
    }
    return parameters;
}

TlSplit splitAtTransferLayer(const TlModel &model)
{
    auto copy = model.module.clone();
    copy.eval();
    auto graph = graph::ModelGraph::fromModule(copy, model.modelName + " with " + model.spec.name(),
                                               model.inputShape);
    // DeviceTL follows the original cut at once: the first cut after it with the wire's shape
    // is the one between DeviceTL and EdgeTL.
    // EdgeTL ends at the first cut after that with the original cut's shape.
    for (const auto &c : graph.cuts()) {
        if (c.index > model.cut && c.shape() == model.wireShape) {
            for (const auto &r : graph.cuts()) {
                if (r.index > c.index && r.shape() == model.cutShape) {
                    TlSplit split{graph.head(c.index), graph.tail(c.index), std::move(graph),
                                  c.index, r.index};
                    return split;
                }
            }
        }
    }
    throw Error(ErrorKind::Internal, model.modelName + ": no cut between DeviceTL and EdgeTL");
}

} // namespace cleave::tl

// SPDX-License-Identifier: GPL-3.0-or-later
// Graph surgery: a standalone TorchScript module for a range of blocks of a ModelGraph.
#include "core/error.h"
#include "core/graph/analysis_p.h"

#include <torch/csrc/jit/api/compilation_unit.h>
#include <torch/csrc/jit/ir/ir.h>

namespace cleave::graph {

using torch::jit::Node;
using torch::jit::Value;

torch::jit::Module newModule()
{
    torch::jit::Module module(c10::QualifiedName("__torch__.cleave.Slice"),
                              std::make_shared<torch::jit::CompilationUnit>(),
                              /*shouldMangle=*/true);
    // Module::eval()/train() expect the attribute every nn.Module has.
    module.register_attribute("training", c10::BoolType::get(), false);
    return module;
}

void setForward(torch::jit::Module &module, std::shared_ptr<torch::jit::Graph> graph)
{
    auto *cu = module._ivalue()->compilation_unit().get();
    auto *fn = cu->create_function(c10::QualifiedName(*module.type()->name(), "forward"),
                                   std::move(graph));
    module.type()->addMethod(fn);
}

torch::jit::Module ModelGraph::slice(int first, int end) const
{
    const int k = blockCount();
    if (first < 0 || end > k || first > end)
        throw Error(ErrorKind::InvalidInput, d->name + ": block range [" + std::to_string(first) +
                                                 ", " + std::to_string(end) + ") is outside 0.." +
                                                 std::to_string(k));

    auto module = newModule();
    auto graph = std::make_shared<torch::jit::Graph>();
    graph->addInput("self")->setType(module.type());
    // One input per tensor of the first cut, in its order; "x" where it is the only one.
    std::unordered_map<const Value *, Value *> env;
    const auto &inputs = d->cutValues[first];
    for (size_t i = 0; i < inputs.size(); ++i) {
        Value *input = graph->addInput(inputs.size() == 1 ? "x" : "x" + std::to_string(i));
        input->setType(inputs[i]->type());
        env.emplace(inputs[i], input);
    }
    // Everything a node of the range reads that the range does not compute: the cut tensor,
    // a constant (cloned on first use), or a shape-derived value (re-created as a constant).
    const std::function<Value *(Value *)> lookup = [&](Value *v) -> Value * {
        if (const auto found = env.find(v); found != env.end())
            return found->second;
        Value *mapped = nullptr;
        if (v->node()->kind() == c10::prim::Constant) {
            mapped = graph->appendNode(graph->createClone(v->node(), lookup))->output();
        } else if (const auto r = d->rematerialised.find(v); r != d->rematerialised.end()) {
            mapped = graph->insertConstant(r->second);
            mapped->setType(v->type());
        } else {
            throw Error(ErrorKind::Internal, d->name + ": value %" + v->debugName() +
                                                 " crosses the cut at block " +
                                                 std::to_string(first));
        }
        env.emplace(v, mapped);
        return mapped;
    };

    for (size_t p = d->cutPositions[first]; p < d->cutPositions[end]; ++p) {
        Node *node = d->nodes[p];
        Node *copy = graph->appendNode(graph->createClone(node, lookup));
        for (size_t i = 0; i < node->outputs().size(); ++i)
            env.emplace(node->output(i), copy->output(i));
    }
    // Several tensors leave as one tuple, in the end cut's order.
    std::vector<Value *> outputs;
    for (Value *v : d->cutValues[end])
        outputs.push_back(lookup(v));
    graph->registerOutput(outputs.size() == 1
                              ? outputs.front()
                              : graph->insertNode(graph->createTuple(outputs))->output());
    setForward(module, graph);
    return module;
}

} // namespace cleave::graph

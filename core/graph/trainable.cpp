// SPDX-License-Identifier: GPL-3.0-or-later
// Graph surgery for training: the whole frozen model as a module whose weights are parameters
// again, with layers inserted at a cut (the Transfer Layer).
#include "core/error.h"
#include "core/graph/analysis_p.h"

#include <torch/csrc/jit/api/compilation_unit.h>
#include <torch/csrc/jit/ir/ir.h>

#include <unordered_set>

namespace cleave::graph {

using torch::jit::Node;
using torch::jit::Value;

torch::jit::Module ModelGraph::trainableWith(int cut, const CutInsertion &insert) const
{
    const int k = blockCount();
    if (cut < 0 || cut > k)
        throw Error(ErrorKind::InvalidInput, d->name + ": split " + std::to_string(cut) +
                                                 " is out of range 0.." + std::to_string(k));
    requireOneTensor(cut, "a Transfer Layer");

    torch::jit::Module module(c10::QualifiedName("__torch__.cleave.TlModel"),
                              std::make_shared<torch::jit::CompilationUnit>(),
                              /*shouldMangle=*/true);
    module.register_attribute("training", c10::BoolType::get(), false);

    auto graph = std::make_shared<torch::jit::Graph>();
    Value *self = graph->addInput("self");
    self->setType(module.type());
    Value *input = graph->addInput("x");
    input->setType(d->graph->inputs().at(1)->type());

    std::unordered_map<const Value *, Value *> env{{d->graph->inputs().at(1), input}};
    bool afterCut = false;
    int parameters = 0;
    // Constants are cloned on first use; floating-point tensors among them (the weights, with
    // BatchNorm folded in) come back as parameters read through prim::GetAttr.
    const std::function<Value *(Value *)> lookup = [&](Value *v) -> Value * {
        if (const auto found = env.find(v); found != env.end())
            return found->second;
        if (v->node()->kind() != c10::prim::Constant)
            throw Error(ErrorKind::Internal,
                        d->name + ": value %" + v->debugName() + " is used before it is made");
        Value *mapped = nullptr;
        const auto value = torch::jit::toIValue(v);
        if (value && value->isTensor() && value->toTensor().is_floating_point()) {
            const auto name =
                std::string(afterCut ? "after_" : "before_") + std::to_string(parameters++);
            module.register_parameter(name, value->toTensor().detach().clone(), false);
            mapped = graph->insertGetAttr(self, name);
        } else {
            mapped = graph->appendNode(graph->createClone(v->node(), lookup))->output();
        }
        env.emplace(v, mapped);
        return mapped;
    };
    const auto insertAtCut = [&] {
        afterCut = true;
        Value *original = lookup(d->cutValues[cut].front());
        Value *replacement = insert(*graph, original, module);
        env[d->cutValues[cut].front()] = replacement;
    };

    if (d->cutPositions[cut] == 0)
        insertAtCut();
    for (size_t p = 0; p < d->nodes.size(); ++p) {
        if (!afterCut && p == d->cutPositions[cut])
            insertAtCut();
        Node *node = d->nodes[p];
        Node *copy = graph->appendNode(graph->createClone(node, lookup));
        for (size_t i = 0; i < node->outputs().size(); ++i)
            env.emplace(node->output(i), copy->output(i));
    }
    if (!afterCut)
        insertAtCut(); // the cut after the last block: layers on the output
    graph->registerOutput(lookup(d->cutValues[k].front()));

    auto *cu = module._ivalue()->compilation_unit().get();
    auto *fn = cu->create_function(c10::QualifiedName(*module.type()->name(), "forward"), graph);
    module.type()->addMethod(fn);
    return module;
}

} // namespace cleave::graph

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/modelgraph.h"
#include "core/graph/modelcheck.h"

#include "core/error.h"
#include "core/graph/analysis_p.h"

#include <ATen/CPUGeneratorImpl.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/passes/freeze_module.h>
#include <torch/csrc/jit/passes/frozen_graph_optimizations.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/csrc/jit/serialization/import.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace cleave::graph {

using torch::jit::Node;
using torch::jit::Value;
namespace prim = c10::prim;
namespace aten = c10::aten;

namespace {

const char *const kInputShapeHint = "cleave/input_shape";
const Shape kDefaultInputShape{1, 3, 224, 224};

Error invalid(const std::string &name, const std::string &what)
{
    return Error(ErrorKind::InvalidInput, name + ": " + what);
}

bool startsWithZipMagic(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, sizeof magic);
    return startsAZip(std::string_view(magic, size_t(in.gcount())));
}

// torch.save's pickle protocol 2 marker: the format of PyTorch before 1.6.
bool startsWithPickle(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char magic[2] = {};
    in.read(reinterpret_cast<char *>(magic), sizeof magic);
    return in.gcount() == 2 && magic[0] == 0x80 && magic[1] >= 2 && magic[1] <= 5;
}

// torch.save (1.6 and later) writes the zip container of torch.jit.save without the TorchScript:
// a pickle (data.pkl) and tensors, no code/ and no constants.pkl.
bool isTorchSaveArchive(const std::string &path)
{
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        bool pickle = false;
        for (const auto &record : reader.getAllRecords()) {
            if (record.rfind("code/", 0) == 0 || record == "constants.pkl")
                return false;
            pickle = pickle || record == "data.pkl";
        }
        return pickle;
    } catch (const std::exception &) {
        return false;
    }
}

Error torchSavePickle(const std::string &path)
{
    return invalid(path, "this is a torch.save pickle, not TorchScript: save the model with "
                         "torch.jit.trace or torch.jit.script and torch.jit.save");
}

void checkSignature(const torch::jit::Module &module, const std::string &name)
{
    const auto method = module.find_method("forward");
    if (!method)
        throw invalid(name, "the module has no forward method");
    const auto &schema = method->function().getSchema();
    const auto &args = schema.arguments();
    // args[0] is self.
    if (args.size() != 2)
        throw invalid(name, "forward takes " + std::to_string(args.size() - 1) +
                                " inputs; only models with one tensor input are supported yet");
    if (!args[1].type()->isSubtypeOf(*c10::TensorType::get()))
        throw invalid(name, "forward takes a " + args[1].type()->repr_str() +
                                "; only models with one tensor input are supported yet");
    const auto &returns = schema.returns();
    if (returns.size() != 1 || !returns[0].type()->isSubtypeOf(*c10::TensorType::get())) {
        const auto what = returns.size() == 1 ? returns[0].type()->repr_str() : "several values";
        throw invalid(name, "forward returns " + what +
                                "; only models that return one tensor are supported yet");
    }
}

/// "layer2.3.conv1" from the inlined call stack of a node, "" for top-level code.
std::string modulePath(const Node *node)
{
    const auto stack = node->callstack();
    if (!stack)
        return {};
    std::string path;
    for (const auto &entry : (*stack)->vec()) {
        const auto &instance = std::get<2>(entry);
        // "SELF" marks a module calling its own methods (Conv2d.forward -> _conv_forward).
        if (!instance || instance->instance_name().empty() || instance->instance_name() == "SELF")
            continue;
        if (!path.empty())
            path += '.';
        path += instance->instance_name();
    }
    return path;
}

std::string commonModulePrefix(const std::string &a, const std::string &b)
{
    // Compare whole dotted components so "layer1" and "layer10" share nothing.
    size_t common = 0;
    size_t i = 0;
    while (i <= a.size() && i <= b.size()) {
        const bool endA = i == a.size() || a[i] == '.';
        const bool endB = i == b.size() || b[i] == '.';
        if (endA && endB)
            common = i;
        if (endA != endB || i == a.size() || a[i] != b[i])
            break;
        ++i;
    }
    return a.substr(0, common);
}

/// The function a top-level node was inlined from ("interpolate" for F.interpolate), if any.
/// Read by name: the Function a call stack points at may be gone with the module it belonged to.
std::string functionName(const Node *node)
{
    const auto stack = node->callstack();
    if (!stack)
        return {};
    for (c10::optional<torch::jit::InlinedCallStackPtr> entry = *stack; entry;
         entry = (*entry)->callee()) {
        const auto name = (*entry)->function_name();
        if (!name.empty() && name != "forward")
            return name;
    }
    return {};
}

/// Values that depend on the input's shape only, not its contents: for a fixed input shape they
/// are constants, so a slice can re-create them when they cross a cut.
class StaticValues
{
public:
    bool isStatic(const Value *v)
    {
        const auto found = m_memo.find(v);
        if (found != m_memo.end())
            return found->second;
        const bool result = compute(v);
        m_memo.emplace(v, result);
        return result;
    }

private:
    static bool isShapeQuery(c10::Symbol kind)
    {
        return kind == aten::size || kind == aten::dim || kind == prim::dtype ||
               kind == prim::device || kind == prim::layout;
    }

    static bool isRepresentableConstant(const c10::TypePtr &type)
    {
        using namespace c10;
        if (type->isSubtypeOf(*IntType::get()) || type->isSubtypeOf(*FloatType::get()) ||
            type->isSubtypeOf(*BoolType::get()) || type->isSubtypeOf(*StringType::get()) ||
            type->isSubtypeOf(*NoneType::get()) || type->isSubtypeOf(*DeviceObjType::get()))
            return true;
        if (const auto list = type->cast<ListType>()) {
            const auto element = list->getElementType();
            return element->isSubtypeOf(*IntType::get()) ||
                   element->isSubtypeOf(*FloatType::get()) ||
                   element->isSubtypeOf(*BoolType::get());
        }
        return false;
    }

    bool compute(const Value *v)
    {
        const Node *node = v->node();
        if (node->kind() == prim::Constant)
            return true;
        if (node->kind() == prim::Param)
            return false;
        if (!node->blocks().empty() || node->hasSideEffects() || node->isNondeterministic())
            return false;
        // Traced models turn sizes into 0-dim tensors and back (prim::NumToTensor, aten::Int).
        const bool tensorOut = v->type()->isSubtypeOf(*c10::TensorType::get());
        if (tensorOut ? node->kind() != prim::NumToTensor : !isRepresentableConstant(v->type()))
            return false;
        for (const Value *input : node->inputs()) {
            const bool tensorIn = input->type()->isSubtypeOf(*c10::TensorType::get());
            if (tensorIn && isShapeQuery(node->kind()))
                continue; // only the shape of this tensor is read
            if (!isStatic(input))
                return false;
        }
        return true;
    }

    std::unordered_map<const Value *, bool> m_memo;
};

/// One boundary of the node list: its position and what crosses it.
struct Candidate
{
    size_t position = 0;
    std::vector<Value *> tensors; ///< in the order the graph makes them
    std::vector<Value *> statics;
    std::string blocked; ///< what crosses that is neither a tensor nor static; empty if nothing
};

bool raises(const torch::jit::Block *block)
{
    const auto nodes = block->nodes();
    return std::any_of(nodes.begin(), nodes.end(),
                       [](const Node *n) { return n->kind() == prim::RaiseException; });
}

/// Whether a value may hold nothing at run time: prim::Uninitialized, or an If's output that a
/// branch which completes leaves uninitialised (a branch that raises never completes).
bool mayBeUninitialized(const Value *v)
{
    const Node *node = v->node();
    if (node->kind() == prim::Uninitialized)
        return true;
    if (node->kind() != prim::If)
        return false;
    const size_t index = v->offset();
    return std::any_of(node->blocks().begin(), node->blocks().end(),
                       [&](const torch::jit::Block *b) {
                           return !raises(b) && mayBeUninitialized(b->outputs().at(index));
                       });
}

/// "Tensor[] from prim::ListConstruct": a value that keeps a boundary from being a cut.
std::string crossingText(const Value *v)
{
    return v->type()->repr_str() + " from " + v->node()->kind().toQualString() +
           (mayBeUninitialized(v) ? " (not set on every path)" : "");
}

/// The label of the node that made a value: its module path, else the function it was inlined
/// from, else its operator; "input" for the model input.
std::string producerLabel(const Node *producer)
{
    if (producer->kind() == prim::Param)
        return "input";
    auto label = modulePath(producer);
    if (label.empty())
        label = functionName(producer);
    if (label.empty())
        label = producer->kind().toUnqualString();
    return label;
}

class Analyser
{
public:
    Analyser(ModelGraph::Analysis &a, torch::Tensor sample, const CutOptions &cutting)
        : m_a(a)
        , m_sample(std::move(sample))
        , m_cutting(cutting)
    {}

    void run()
    {
        m_a.granularity = m_cutting.granularity;
        collectNodes();
        const auto candidates = findCandidates();
        keepCuts(candidates);
        refuseTooMany();
        placeRefusals(candidates);
        probeShapes();
        describeBlocks();
        describeCuts();
    }

private:
    void collectNodes()
    {
        for (Node *node : m_a.graph->nodes()) {
            if (node->kind() == prim::Constant)
                continue;
            m_position.emplace(node, m_a.nodes.size());
            m_a.nodes.push_back(node);
        }
    }

    // Position of the top-level node that contains `user` (uses inside If/Loop bodies count as
    // uses by the If/Loop node); the graph's return counts as position N.
    size_t topLevelPosition(Node *user) const
    {
        while (user->owningBlock() != m_a.graph->block())
            user = user->owningBlock()->owningNode();
        if (user == m_a.graph->return_node())
            return m_a.nodes.size();
        return m_position.at(user);
    }

    // What crosses boundary b given the values alive there (born before b, used at or after).
    Candidate classify(size_t b, const std::vector<Value *> &live)
    {
        Candidate c;
        c.position = b;
        for (Value *v : live) {
            if (m_statics.isStatic(v)) {
                if (v->node()->kind() != prim::Constant)
                    c.statics.push_back(v);
            } else if (v->type()->isSubtypeOf(*c10::TensorType::get()) && !mayBeUninitialized(v)) {
                c.tensors.push_back(v);
            } else {
                // e.g. a list of tensors, or a scalar read from data
                c.blocked += (c.blocked.empty() ? "" : "; ") + crossingText(v);
            }
        }
        return c;
    }

    bool isCut(const Candidate &c) const
    {
        if (!c.blocked.empty() || c.tensors.empty())
            return false;
        return m_cutting.granularity == Granularity::Node || c.tensors.size() == 1;
    }

    // Every boundary b = 0..N with what crosses it, in order; live values are kept in the order
    // they are born, so a cut's tensors come in the order the graph makes them.
    std::vector<Candidate> findCandidates()
    {
        const size_t n = m_a.nodes.size();
        std::vector<std::vector<Value *>> diesAfter(n + 1);
        std::vector<Value *> live;
        const auto track = [&](Value *v) {
            if (v->uses().empty())
                return;
            size_t last = 0;
            for (const auto &use : v->uses())
                last = std::max(last, topLevelPosition(use.user));
            diesAfter[last].push_back(v);
            live.push_back(v);
        };
        for (Value *input : m_a.graph->inputs())
            track(input);

        std::vector<Candidate> candidates;
        for (size_t b = 0; b <= n; ++b) {
            if (b > 0) {
                for (Value *out : m_a.nodes[b - 1]->outputs())
                    track(out);
                // Values whose last use was node b-1 no longer cross.
                const auto &dead = diesAfter[b - 1];
                live.erase(std::remove_if(live.begin(), live.end(),
                                          [&](Value *v) {
                                              return std::find(dead.begin(), dead.end(), v) !=
                                                     dead.end();
                                          }),
                           live.end());
            }
            candidates.push_back(classify(b, live));
        }
        return candidates;
    }

    // Boundaries with the same crossing tensors enclose nothing but shape arithmetic: keep the
    // earliest, so every block computes a new tensor (the last boundary is always the output).
    void keepCuts(const std::vector<Candidate> &candidates)
    {
        const size_t n = m_a.nodes.size();
        if (!isCut(candidates.front()) || !isCut(candidates.back()) ||
            candidates.front().tensors.size() != 1 || candidates.back().tensors.size() != 1)
            throw invalid(m_a.name, "the model's input or output is not a single tensor after "
                                    "freezing (does forward keep module state?)");
        std::vector<const Candidate *> kept;
        for (const auto &c : candidates) {
            if (!isCut(c))
                continue;
            if (!kept.empty() && kept.back()->tensors == c.tensors) {
                if (c.position != n || kept.size() == 1)
                    continue;
                kept.pop_back();
            }
            kept.push_back(&c);
        }
        if (kept.back()->position != n)
            kept.push_back(&candidates.back());
        for (const Candidate *c : kept) {
            m_a.cutPositions.push_back(c->position);
            m_a.cutValues.push_back(c->tensors);
            for (Value *v : c->statics)
                m_a.rematerialised.emplace(v, c10::IValue());
        }
    }

    void refuseTooMany() const
    {
        const int cuts = static_cast<int>(m_a.cutPositions.size());
        if (m_cutting.granularity == Granularity::Node && cuts > m_cutting.maxCuts)
            throw TooManyCuts(m_a.name, cuts, m_cutting.maxCuts);
    }

    // At Node granularity, each boundary that something other than tensors crosses is named
    // with the block it falls in.
    void placeRefusals(const std::vector<Candidate> &candidates)
    {
        if (m_cutting.granularity != Granularity::Node)
            return;
        for (const auto &c : candidates) {
            if (c.blocked.empty())
                continue;
            const auto after =
                std::upper_bound(m_a.cutPositions.begin(), m_a.cutPositions.end(), c.position);
            RefusedCut refused;
            refused.block = static_cast<int>(after - m_a.cutPositions.begin()) - 1;
            refused.after =
                c.position == 0 ? "input" : m_a.nodes[c.position - 1]->kind().toQualString();
            refused.crossing = c.blocked;
            m_a.refused.push_back(std::move(refused));
        }
    }

    // Runs the graph once on a real-shaped input with the size and dtype of every tensor that
    // crosses a cut and the value of every re-materialised scalar added as outputs. Sizes
    // rather than the tensors themselves are returned so that activations are freed as the
    // run goes.
    void probeShapes()
    {
        auto probe = m_a.graph->copy();
        std::unordered_map<const Value *, Value *> toProbe;
        for (size_t i = 0; i < m_a.graph->inputs().size(); ++i)
            toProbe.emplace(m_a.graph->inputs()[i], probe->inputs()[i]);
        auto original = m_a.graph->nodes().begin();
        for (Node *copy : probe->nodes()) {
            for (size_t i = 0; i < copy->outputs().size(); ++i)
                toProbe.emplace(original->outputs()[i], copy->outputs()[i]);
            ++original;
        }

        std::vector<Value *> outputs;
        std::vector<const Value *> probed;
        for (const auto &tensors : m_a.cutValues) {
            for (Value *tensor : tensors) {
                if (m_tensorShapes.count(tensor) != 0)
                    continue;
                m_tensorShapes.emplace(tensor, TensorShape{});
                probed.push_back(tensor);
                Value *v = toProbe.at(tensor);
                Node *insertAfter =
                    v->node()->kind() == prim::Param ? probe->param_node() : v->node();
                torch::jit::WithInsertPoint guard(insertAfter->next());
                outputs.push_back(probe->insert(aten::size, {v}));
                outputs.push_back(probe->insert(prim::dtype, {v}));
            }
        }
        std::vector<const Value *> recorded;
        for (const auto &[v, value] : m_a.rematerialised) {
            outputs.push_back(toProbe.at(v));
            recorded.push_back(v);
        }
        // Functions return one value: pack everything into a tuple in place of the output.
        probe->eraseOutput(0);
        probe->registerOutput(probe->insertNode(probe->createTuple(outputs))->output());

        torch::jit::GraphFunction function("cleave_probe", probe, nullptr,
                                           torch::jit::ExecutorExecutionMode::SIMPLE);
        torch::jit::Stack stack{m_a.frozen._ivalue(), m_sample};
        try {
            c10::InferenceMode inference;
            function.run(stack);
        } catch (const std::exception &e) {
            throw InputRejected(m_a.name, m_a.inputShape, oneLineReason(e.what()), false);
        }
        const auto results = stack.at(0).toTupleRef().elements();
        size_t next = 0;
        for (const Value *tensor : probed) {
            auto &shape = m_tensorShapes[tensor];
            shape.sizes = results[next++].toIntVector();
            shape.dtype = static_cast<c10::ScalarType>(results[next++].toInt());
        }
        for (const Value *v : recorded)
            m_a.rematerialised[v] = results[next++];
        m_a.outputShape = m_tensorShapes.at(m_a.cutValues.back().front()).sizes;
    }

    bool isShapeArithmetic(const Node *node)
    {
        return std::all_of(node->outputs().begin(), node->outputs().end(),
                           [&](const Value *v) { return m_statics.isStatic(v); });
    }

    // The last node of block s that computes on data (the block's own work), else its last.
    const Node *lastWorkOf(int s)
    {
        for (size_t p = m_a.cutPositions[s + 1]; p > m_a.cutPositions[s]; --p)
            if (!isShapeArithmetic(m_a.nodes[p - 1]))
                return m_a.nodes[p - 1];
        return m_a.nodes[m_a.cutPositions[s + 1] - 1];
    }

    void describeBlocks()
    {
        const int k = static_cast<int>(m_a.cutPositions.size()) - 1;
        for (int s = 0; s < k; ++s) {
            Block block;
            block.index = s;
            std::optional<std::string> prefix;
            for (size_t p = m_a.cutPositions[s]; p < m_a.cutPositions[s + 1]; ++p) {
                Node *node = m_a.nodes[p];
                block.ops.push_back(node->kind().toQualString());
                // Shape arithmetic is top-level code; it should not hide the module that
                // does the block's work.
                if (isShapeArithmetic(node))
                    continue;
                const auto path = modulePath(node);
                prefix = prefix ? commonModulePrefix(*prefix, path) : path;
            }
            block.nodeCount = static_cast<int>(m_a.cutPositions[s + 1] - m_a.cutPositions[s]);
            block.label = prefix.value_or("");
            if (block.label.empty())
                block.label = producerLabel(endingNode(s));
            m_a.blocks.push_back(std::move(block));
        }
    }

    // The node a block ends with: the maker of the one tensor that crosses its end, or at a
    // cut of several tensors the block's last node that computes on data.
    const Node *endingNode(int s)
    {
        const auto &after = m_a.cutValues[size_t(s) + 1];
        return after.size() == 1 ? after.front()->node() : lastWorkOf(s);
    }

    void describeCuts()
    {
        for (size_t s = 0; s < m_a.cutValues.size(); ++s) {
            Cut cut;
            cut.index = static_cast<int>(s);
            cut.label = s == 0 ? "input" : m_a.blocks[s - 1].label;
            cut.op = s == 0 ? "input" : endingNode(int(s) - 1)->kind().toQualString();
            for (const Value *v : m_a.cutValues[s]) {
                const auto &probed = m_tensorShapes.at(v);
                CutTensor tensor;
                tensor.label = producerLabel(v->node());
                tensor.op =
                    v->node()->kind() == prim::Param ? "input" : v->node()->kind().toQualString();
                tensor.shape = probed.sizes;
                tensor.dtype = dtypeName(probed.dtype);
                tensor.bytes = elementCount(tensor.shape) *
                               static_cast<int64_t>(c10::elementSize(probed.dtype));
                cut.bytes += tensor.bytes;
                cut.tensors.push_back(std::move(tensor));
            }
            m_a.cuts.push_back(std::move(cut));
        }
    }

    struct TensorShape
    {
        Shape sizes;
        c10::ScalarType dtype = c10::ScalarType::Float;
    };

    ModelGraph::Analysis &m_a;
    torch::Tensor m_sample;
    CutOptions m_cutting;
    std::unordered_map<const Node *, size_t> m_position;
    StaticValues m_statics;
    std::unordered_map<const Value *, TensorShape> m_tensorShapes;
};

// Folds every BatchNorm that directly follows a 2-D convolution into the convolution's weight and
// bias, in place. Torch's own folding pass makes new weights and keeps the old ones alive while
// it runs, so for a BatchNorm network the peak holds two copies of the weights. Only for a module
// the caller has handed over: the frozen constants share their tensors with it. Anything left
// (other layouts, shared weights) is folded later by OptimizeFrozenGraph as before.
void foldBatchNormsInPlace(torch::jit::Graph &graph)
{
    std::vector<torch::jit::Node *> norms;
    for (auto *node : graph.nodes())
        if (node->kind() == c10::aten::batch_norm)
            norms.push_back(node);
    const auto tensorOr = [](torch::jit::Value *v, const at::Tensor &fallback) {
        const auto value = torch::jit::toIValue(v);
        return value && value->isTensor() ? value->toTensor() : fallback;
    };
    at::NoGradGuard noGrad;
    for (auto *norm : norms) {
        auto *conv = norm->input(0)->node();
        if (conv->kind() != c10::aten::conv2d || norm->input(0)->uses().size() != 1 ||
            conv->input(1)->uses().size() != 1)
            continue;
        const auto weight = torch::jit::toIValue(conv->input(1));
        const auto bias = torch::jit::toIValue(conv->input(2));
        const auto mean = torch::jit::toIValue(norm->input(3));
        const auto var = torch::jit::toIValue(norm->input(4));
        const auto training = torch::jit::toIValue(norm->input(5));
        const auto eps = torch::jit::toIValue(norm->input(7));
        const bool constants =
            torch::jit::toIValue(norm->input(1)) && torch::jit::toIValue(norm->input(2)) && bias;
        if (!constants || !weight || !weight->isTensor() || !mean || !mean->isTensor() || !var ||
            !var->isTensor() || !training || training->toBool() || !eps)
            continue;
        const auto w = weight->toTensor();
        const auto m = mean->toTensor();
        const auto scale = tensorOr(norm->input(1), at::ones_like(m)) *
                           at::rsqrt(var->toTensor() + eps->toDouble());
        w.mul_(scale.reshape({-1, 1, 1, 1}).to(w.scalar_type()));
        const auto folded = ((tensorOr(conv->input(2), at::zeros_like(m)) - m) * scale +
                             tensorOr(norm->input(2), at::zeros_like(m)))
                                .to(w.scalar_type());
        torch::jit::WithInsertPoint here(conv);
        auto *oldBias = conv->input(2)->node();
        conv->replaceInput(2, graph.insertConstant(folded));
        if (oldBias->kind() == c10::prim::Constant && !oldBias->hasUses())
            oldBias->destroy();
        norm->output()->replaceAllUsesWith(conv->output());
        norm->destroy();
    }
}

} // namespace

ModelGraph::ModelGraph(std::unique_ptr<Analysis> analysis)
    : d(std::move(analysis))
{}

ModelGraph::ModelGraph(ModelGraph &&) noexcept = default;
ModelGraph &ModelGraph::operator=(ModelGraph &&) noexcept = default;
ModelGraph::~ModelGraph() = default;

void refuseWhatIsNotTorchScript(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorKind::NotFound, path + ": no such file");
    if (std::filesystem::is_directory(path, ec))
        throw invalid(path, "is a directory, not a TorchScript file");
    if (startsWithPickle(path))
        throw torchSavePickle(path);
    if (!startsWithZipMagic(path))
        throw invalid(path, "not a TorchScript archive (not a zip file)");
    // torch.save's zip holds no TorchScript: say so before any reader fails on it.
    if (isTorchSaveArchive(path))
        throw torchSavePickle(path);
}

ModelGraph ModelGraph::load(const std::string &path, std::optional<Shape> inputShape,
                            Original original, const CutOptions &cutting)
{
    refuseWhatIsNotTorchScript(path);
    checkModelFile(path, path);

    torch::jit::ExtraFilesMap extra{{kInputShapeHint, ""}};
    torch::jit::Module module;
    try {
        module = torch::jit::load(path, torch::kCPU, extra);
    } catch (const std::exception &e) {
        if (isTorchSaveArchive(path))
            throw torchSavePickle(path);
        throw invalid(path,
                      "truncated or damaged TorchScript archive (" + oneLineReason(e.what()) + ")");
    }
    const bool assumed = !inputShape && extra[kInputShapeHint].empty();
    if (!inputShape) {
        const auto &hint = extra[kInputShapeHint];
        inputShape = hint.empty() ? kDefaultInputShape : parseShape(hint);
    }
    try {
        auto graph = fromModule(module, path, *inputShape, original, cutting);
        graph.d->inputAssumed = assumed;
        return graph;
    } catch (const InputRejected &e) {
        if (!assumed)
            throw;
        throw InputRejected(path, e.shape(), e.reason(), true);
    }
}

std::string formatShapes(const Cut &cut)
{
    std::string text;
    for (const auto &tensor : cut.tensors)
        text += (text.empty() ? "" : " + ") + formatShape(tensor.shape);
    return text;
}

TooManyCuts::TooManyCuts(const std::string &name, int cuts, int limit)
    : Error(ErrorKind::InvalidInput, name + ": node granularity yields " + std::to_string(cuts) +
                                         " cuts, more than the limit of " + std::to_string(limit))
    , m_cuts(cuts)
    , m_limit(limit)
{}

InputRejected::InputRejected(const std::string &name, Shape shape, const std::string &reason,
                             bool assumed)
    : Error(ErrorKind::InvalidInput,
            name +
                (assumed ? ": the model rejects the assumed input " + formatShape(shape) +
                               " (none was given, and the file stores none): "
                         : ": input " + formatShape(shape) + " rejected by the model: ") +
                reason)
    , m_shape(std::move(shape))
    , m_reason(reason)
    , m_assumed(assumed)
{}

ModelGraph ModelGraph::fromModule(const torch::jit::Module &module, const std::string &name,
                                  const Shape &inputShape, Original original,
                                  const CutOptions &cutting)
{
    checkSignature(module, name);
    auto a = std::make_unique<Analysis>();
    a->name = name;
    a->inputShape = inputShape;
    // Cloned only to be kept: eval() and freezing must not change what the caller holds. With
    // Original::Drop the caller hands the module over and its weights may change.
    a->original = original == Original::Keep ? module.clone() : module;
    a->original.eval();
    for (const auto &p : a->original.parameters()) {
        if (a->parameters == 0 && p.is_floating_point())
            a->inputType = p.scalar_type();
        a->parameters += p.numel();
    }
    try {
        if (original == Original::Keep) {
            a->frozen = torch::jit::freeze(a->original);
        } else {
            // Freezing shares the weights with the module; folding BatchNorm into them in place
            // keeps an agent's peak near one copy of the weights instead of two.
            a->frozen = torch::jit::freeze_module(a->original);
            a->original = torch::jit::Module();
            a->keepsOriginal = false;
            auto graph = a->frozen.get_method("forward").graph();
            foldBatchNormsInPlace(*graph);
            torch::jit::OptimizeFrozenGraph(graph, true);
        }
    } catch (const std::exception &e) {
        throw invalid(name, "cannot be frozen for inference: " + oneLineReason(e.what()));
    }
    a->graph = a->frozen.get_method("forward").graph();
    torch::jit::Inline(*a->graph);
    ModelGraph result(std::move(a));
    Analyser(*result.d, result.sampleInput(), cutting).run();
    return result;
}

const std::string &ModelGraph::name() const
{
    return d->name;
}
const Shape &ModelGraph::inputShape() const
{
    return d->inputShape;
}

bool ModelGraph::inputShapeAssumed() const
{
    return d->inputAssumed;
}
const Shape &ModelGraph::outputShape() const
{
    return d->outputShape;
}
int64_t ModelGraph::parameterCount() const
{
    return d->parameters;
}
int ModelGraph::nodeCount() const
{
    return static_cast<int>(d->nodes.size());
}
int ModelGraph::blockCount() const
{
    return static_cast<int>(d->blocks.size());
}
const std::vector<Block> &ModelGraph::blocks() const
{
    return d->blocks;
}
const std::vector<Cut> &ModelGraph::cuts() const
{
    return d->cuts;
}

Granularity ModelGraph::granularity() const
{
    return d->granularity;
}

const std::vector<RefusedCut> &ModelGraph::refusedCuts() const
{
    return d->refused;
}

DataFlow ModelGraph::dataFlow() const
{
    std::unordered_map<const Node *, int> blockOf;
    for (int b = 0; b < blockCount(); ++b)
        for (size_t p = d->cutPositions[size_t(b)]; p < d->cutPositions[size_t(b) + 1]; ++p)
            blockOf.emplace(d->nodes[p], b);
    // A use inside an If or Loop body is a use by the node that holds the body.
    const auto userBlock = [&](Node *user) {
        while (user->owningBlock() != d->graph->block())
            user = user->owningBlock()->owningNode();
        const auto found = blockOf.find(user);
        return found == blockOf.end() ? -1 : found->second; // -1: the graph's return
    };
    DataFlow flow;
    flow.blocks = blockCount();
    std::set<const Value *> seen;
    for (size_t s = 0; s < d->cutValues.size(); ++s) {
        for (size_t t = 0; t < d->cutValues[s].size(); ++t) {
            const Value *v = d->cutValues[s][t];
            if (!seen.insert(v).second)
                continue;
            TensorFlow tensor;
            tensor.producer = v->node()->kind() == prim::Param ? -1 : blockOf.at(v->node());
            tensor.bytes = d->cuts[s].tensors[t].bytes;
            std::set<int> consumers;
            for (const auto &use : v->uses()) {
                const int b = userBlock(use.user);
                if (b < 0)
                    tensor.output = true;
                else if (b != tensor.producer)
                    consumers.insert(b);
            }
            tensor.consumers.assign(consumers.begin(), consumers.end());
            flow.tensors.push_back(std::move(tensor));
        }
    }
    return flow;
}

void ModelGraph::requireOneTensor(int cut, const std::string &what) const
{
    const auto &tensors = d->cutValues.at(size_t(cut));
    if (tensors.size() != 1)
        throw Error(ErrorKind::InvalidInput, d->name + ": " + std::to_string(tensors.size()) +
                                                 " tensors cross cut " + std::to_string(cut) +
                                                 "; " + what + " needs a cut of one tensor");
}

std::vector<int64_t> ModelGraph::cutBytes() const
{
    std::vector<int64_t> bytes;
    for (const auto &cut : d->cuts)
        bytes.push_back(cut.bytes);
    return bytes;
}

torch::Tensor ModelGraph::forward(const torch::Tensor &input) const
{
    c10::InferenceMode inference;
    auto &reference = d->keepsOriginal ? d->original : d->frozen;
    return reference.forward({input}).toTensor();
}

torch::Tensor ModelGraph::sampleInput(uint64_t seed) const
{
    auto generator = at::detail::createCPUGenerator(seed);
    return torch::randn(d->inputShape, generator, torch::TensorOptions().dtype(d->inputType));
}

torch::Tensor runOnce(const torch::jit::Module &module, const torch::Tensor &input)
{
    torch::jit::GraphFunction function("cleave_run_once", module.get_method("forward").graph(),
                                       nullptr, torch::jit::ExecutorExecutionMode::SIMPLE);
    torch::jit::Stack stack{module._ivalue(), input};
    function.run(stack);
    return stack.at(0).toTensor();
}

Tensors cutTensors(const c10::IValue &result)
{
    if (result.isTuple()) {
        Tensors tensors;
        for (const auto &element : result.toTupleRef().elements())
            tensors.push_back(element.toTensor());
        return tensors;
    }
    return {result.toTensor()};
}

Tensors runOnce(const torch::jit::Module &module, const Tensors &inputs)
{
    torch::jit::GraphFunction function("cleave_run_once", module.get_method("forward").graph(),
                                       nullptr, torch::jit::ExecutorExecutionMode::SIMPLE);
    torch::jit::Stack stack{module._ivalue()};
    stack.insert(stack.end(), inputs.begin(), inputs.end());
    function.run(stack);
    return cutTensors(stack.at(0));
}

void saveModule(const torch::jit::Module &module, const std::string &path, const Shape &inputShape)
{
    // Serialised in memory first: LibTorch's file writer aborts the process when a write fails
    // (its destructor throws while the first error unwinds), e.g. on a full disk.
    std::ostringstream bytes;
    try {
        module.save(bytes, {{kInputShapeHint, formatShape(inputShape)}});
    } catch (const std::exception &e) {
        throw invalid(path, "cannot serialise the model: " + oneLineReason(e.what()));
    }
    std::ofstream out(path, std::ios::binary);
    if (!out.is_open()) // a folder that does not exist or may not be written: the path's fault
        throw invalid(path, "cannot write the model");
    out << bytes.str();
    out.flush();
    if (!out) {
        out.close();
        std::error_code ignored;
        std::filesystem::remove(path, ignored); // no truncated model left behind
        throw Error(ErrorKind::Unavailable, path + ": cannot write the model (is the disk full?)");
    }
}

std::string dtypeName(c10::ScalarType type)
{
    switch (type) {
    case c10::ScalarType::Float:
        return "float32";
    case c10::ScalarType::Double:
        return "float64";
    case c10::ScalarType::Half:
        return "float16";
    case c10::ScalarType::BFloat16:
        return "bfloat16";
    case c10::ScalarType::Long:
        return "int64";
    case c10::ScalarType::Int:
        return "int32";
    case c10::ScalarType::Short:
        return "int16";
    case c10::ScalarType::Char:
        return "int8";
    case c10::ScalarType::Byte:
        return "uint8";
    case c10::ScalarType::Bool:
        return "bool";
    default:
        return c10::toString(type);
    }
}

} // namespace cleave::graph

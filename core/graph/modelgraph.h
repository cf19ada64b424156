// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/graph/dataflow.h"
#include "core/graph/granularity.h"
#include "core/graph/rows.h"
#include "core/graph/shape.h"

#include <torch/script.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cleave::graph {

/// One tensor that crosses a cut.
struct CutTensor
{
    std::string label; ///< module path of the node that made it; "input" for the model input
    std::string op;    ///< the operator that made it, e.g. "aten::relu"; "input"
    Shape shape;
    std::string dtype; ///< "float32", "int64", ...
    int64_t bytes = 0;
};

/// A split index s in 0..K: blocks [0, s) run before it, [s, K) after. At Block granularity
/// exactly one tensor crosses it; at Node granularity one or more, in a fixed order (the order
/// in which the model makes them, the input first): a head returns them in that order and a
/// tail takes them as its inputs. s = 0 is the model input and s = K its output.
struct Cut
{
    int index = 0;
    std::string label; ///< module path of the block before the cut, e.g. "layer2.3"; "input"
    std::string op;    ///< operator that ends that block, e.g. "aten::relu"; "input" at s = 0
    std::vector<CutTensor> tensors;
    int64_t bytes = 0; ///< all its tensors together

    bool single() const { return tensors.size() == 1; }
    /// The first tensor's shape: the one tensor's where single().
    const Shape &shape() const { return tensors.front().shape; }
    const std::string &dtype() const { return tensors.front().dtype; }
};

/// The shapes of a cut's tensors, "1x64x56x56 + 1x256x56x56".
std::string formatShapes(const Cut &cut);

/// A boundary of the compute nodes that is no cut at Node granularity because something other
/// than tensors crosses it (a list or tuple of tensors, a number read from data).
struct RefusedCut
{
    int block = 0;     ///< the block it lies in, between cuts `block` and `block + 1`
    std::string after; ///< the operator before the boundary
    std::string
        crossing; ///< what crosses that is not a tensor, e.g. "Tensor[] from prim::ListConstruct"
};

/// More cuts at Node granularity than CutOptions::maxCuts. Error(InvalidInput).
class TooManyCuts : public Error
{
public:
    TooManyCuts(const std::string &name, int cuts, int limit);

    int cuts() const noexcept { return m_cuts; }
    int limit() const noexcept { return m_limit; }

private:
    int m_cuts;
    int m_limit;
};

/// The smallest timed unit: the nodes between two consecutive cuts. At Block granularity,
/// parallel regions (residual adds, branch concatenations) fall inside one block because two
/// tensors cross them; at Node granularity a block is one node with its shape arithmetic.
struct Block
{
    int index = 0;
    std::string label;
    int nodeCount = 0; ///< compute nodes (constants aside)
    std::vector<std::string> ops;
};

/// The model refused its input while its shapes were inferred: which input, whether it was
/// assumed (none given and none stored in the file) and the model's reason. Error(InvalidInput).
class InputRejected : public Error
{
public:
    InputRejected(const std::string &name, Shape shape, const std::string &reason, bool assumed);

    const Shape &shape() const noexcept { return m_shape; }
    const std::string &reason() const noexcept { return m_reason; }
    bool assumed() const noexcept { return m_assumed; }

private:
    Shape m_shape;
    std::string m_reason;
    bool m_assumed;
};

/// Refuses, by its first bytes and its zip directory, a file that is not TorchScript at all (none,
/// a folder, a torch.save pickle or state_dict, not a zip) before any reader parses it.
/// Error(NotFound / InvalidInput) naming `path`.
void refuseWhatIsNotTorchScript(const std::string &path);

/// A TorchScript model frozen, inlined and analysed for one input shape: its compute nodes,
/// blocks and cuts. Owns the frozen module; not thread-safe (one owner at a time).
class ModelGraph
{
public:
    /// Whether to keep the original (unfrozen) module beside the frozen one, as the reference
    /// that verification compares with. An agent only times slices and drops it: the caller
    /// then hands the module over (its weights may be changed) and the frozen module alone
    /// holds them.
    enum class Original { Keep, Drop };

    /// Loads a TorchScript file. Without an input shape, the hint stored in the file by Cleave
    /// (extra file "cleave/input_shape") is used, else 1x3x224x224.
    static ModelGraph load(const std::string &path, std::optional<Shape> inputShape = {},
                           Original original = Original::Keep, const CutOptions &cutting = {});

    /// Analyses an in-memory module; `name` is used in messages and reports.
    static ModelGraph fromModule(const torch::jit::Module &module, const std::string &name,
                                 const Shape &inputShape, Original original = Original::Keep,
                                 const CutOptions &cutting = {});

    ModelGraph(ModelGraph &&) noexcept;
    ModelGraph &operator=(ModelGraph &&) noexcept;
    ~ModelGraph();

    const std::string &name() const;
    const Shape &inputShape() const;
    /// True when load() was given no shape and the file stores none: inputShape() is the
    /// default (1x3x224x224), assumed.
    bool inputShapeAssumed() const;
    const Shape &outputShape() const;
    /// Parameters of the original module (buffers such as BatchNorm statistics are not counted).
    int64_t parameterCount() const;
    /// Compute nodes of the frozen, inlined graph (constants aside).
    int nodeCount() const;
    /// K
    int blockCount() const;
    const std::vector<Block> &blocks() const;
    Granularity granularity() const;
    /// K + 1 cuts, index 0..K.
    const std::vector<Cut> &cuts() const;
    /// The bytes that cross each cut, index 0..K.
    std::vector<int64_t> cutBytes() const;
    /// Which block makes each tensor that crosses a cut and which blocks read it.
    DataFlow dataFlow() const;
    /// Throws Error(InvalidInput) naming cut `cut` when several tensors cross it and `what`
    /// ("a Transfer Layer") needs one.
    void requireOneTensor(int cut, const std::string &what) const;
    /// At Node granularity, the boundaries that are no cut and why; empty at Block granularity.
    const std::vector<RefusedCut> &refusedCuts() const;

    /// A standalone module running blocks [first, end); its forward takes the tensors of cut
    /// `first` as separate inputs and returns the tensor of cut `end`, or a tuple of them where
    /// several cross it. Saved, it reloads with torch::jit::load.
    torch::jit::Module slice(int first, int end) const;
    torch::jit::Module head(int split) const { return slice(0, split); }
    torch::jit::Module tail(int split) const { return slice(split, blockCount()); }

    /// The longest run of row-local blocks after cut `cut`, each block's row map, and what ends
    /// the run. Throws Error(InvalidInput) when the cut's tensor is not NxCxHxW.
    RowLocalRun rowLocalRun(int cut) const;
    /// The rows of cut `first`'s tensor that rows `out` of cut `end` need, halo included and
    /// clipped to the tensor: what strip(first, end, out) takes. Throws Error(InvalidInput)
    /// naming the operation when blocks [first, end) are not row-local, and for rows that are
    /// empty or outside the tensor.
    RowRange stripInput(int first, int end, const RowRange &out) const;
    /// A standalone module whose forward takes rows stripInput(first, end, out) of cut `first`'s
    /// tensor and returns rows `out` of cut `end`'s, equal to the same rows of the whole model's
    /// (zero padding only at the tensor's real top and bottom edges). Saved, it reloads with
    /// torch::jit::load. Throws as stripInput.
    torch::jit::Module strip(int first, int end, const RowRange &out) const;

    /// Adds layers at a cut: appends nodes to `graph` after the cut tensor `cut` (registering
    /// any parameters on `module`) and returns the value that replaces the cut tensor for the
    /// rest of the model.
    using CutInsertion = std::function<torch::jit::Value *(
        torch::jit::Graph &graph, torch::jit::Value *cut, torch::jit::Module &module)>;
    /// A trainable copy of the whole (frozen) model with `insert` applied at cut `cut`: every
    /// floating-point weight becomes a parameter again, named "before_N" when blocks before the
    /// cut use it first and "after_N" otherwise, so an optimiser can fine-tune all of them or
    /// only those after the cut. BatchNorm stays folded, as the model is fine-tuned, not
    /// trained anew. Saved, it reloads with torch::jit::load.
    torch::jit::Module trainableWith(int cut, const CutInsertion &insert) const;

    /// The whole original model (eval mode, not frozen): the reference for verification. With
    /// Original::Drop, the frozen model.
    torch::Tensor forward(const torch::Tensor &input) const;
    /// A real-shaped input from a seeded normal distribution, in the floating type of the
    /// model's parameters (float32 unless the model was converted, e.g. to float64).
    torch::Tensor sampleInput(uint64_t seed = 0) const;

    /// Implementation detail shared by the analysis and the slicer.
    struct Analysis;

private:
    explicit ModelGraph(std::unique_ptr<Analysis> analysis);
    std::unique_ptr<Analysis> d;
};

/// Runs a module's forward once on the simple executor: no profiling runs and no optimisation,
/// which pay off only for a module that runs many times.
torch::Tensor runOnce(const torch::jit::Module &module, const torch::Tensor &input);

/// The tensors that cross a cut, in the cut's order.
using Tensors = std::vector<torch::Tensor>;
/// runOnce for a slice: the tensors of its first cut in, those of its end cut out (a tuple
/// returned is unpacked; a single tensor is a list of one).
Tensors runOnce(const torch::jit::Module &module, const Tensors &inputs);
/// A forward's result as the tensors of a cut: a tuple's elements, or the one tensor.
Tensors cutTensors(const c10::IValue &result);

/// Saves a module with the input-shape hint that ModelGraph::load reads back; throws
/// Error(InvalidInput) naming the path when it cannot be written.
void saveModule(const torch::jit::Module &module, const std::string &path, const Shape &inputShape);

/// "float32" for c10::ScalarType::Float, and so on (PyTorch's names).
std::string dtypeName(c10::ScalarType type);

} // namespace cleave::graph

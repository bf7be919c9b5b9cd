// Internal to core/graph. RAII over Graphviz's C objects, and the one lock around all of them.
//
// Graphviz is not thread-safe: cgraph keeps global error state, gvc has global plugin state, and
// layout and rendering call setlocale() (gv_fixLocale). Every cgraph/gvc call in Isola happens
// while a GraphvizSession is alive, and only one session exists at a time in the process
// (KGraphViewer serialises the same way). Nothing outside core/graph may call Graphviz.
#pragma once

#include <expected>
#include <mutex>
#include <string>
#include <string_view>

#include <graphviz/gvc.h>

namespace isola::graphviz {

// Graphviz 2.42 takes `char*` for names and values it never writes (const from 2.44 on).
inline char* mutable_str(const char* s) { return const_cast<char*>(s); }

class Session {
public:
    Session();  // waits for the process-wide Graphviz lock
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // One context for the whole process, made on first use and never freed: Graphviz 2.42's pango
    // plugin keeps a pointer into the text-font cache of the first context, so freeing it and
    // laying out in a second context reads freed memory (found by AddressSanitizer here).
    [[nodiscard]] GVC_t* context() const { return context_; }
    // Everything Graphviz reported (errors and warnings) since the last call, one per line.
    std::string take_messages();

private:
    std::unique_lock<std::mutex> lock_;
    agusererrf previous_handler_ = nullptr;
    GVC_t* context_ = nullptr;
};

// A graph owned by one session; frees its layout (if any) before closing it. Must not outlive
// the session it was made in.
class Graph {
public:
    Graph(Session& session, const char* name);
    ~Graph();
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;

    [[nodiscard]] Agraph_t* get() const { return graph_; }
    // Runs `engine` ("dot"); on failure, Graphviz's messages.
    std::expected<void, std::string> layout(const char* engine);
    [[nodiscard]] bool laid_out() const { return laid_out_; }
    // gvRenderData in `format` ("dot", "svg", "png"); needs a layout.
    std::expected<std::string, std::string> render(const char* format);

private:
    Session& session_;
    Agraph_t* graph_ = nullptr;
    bool laid_out_ = false;
};

// Attribute setters. Attributes must be declared on the root graph first (agattr), so that a
// typo fails loudly instead of declaring a new attribute for every object.
void set(void* object, const char* name, std::string_view value);
void set_html(Agraph_t* root, void* object, const char* name, std::string_view html);

}  // namespace isola::graphviz

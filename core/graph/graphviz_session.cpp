#include "graph/graphviz_session.hpp"

#include <cassert>
#include <cstring>
#include <memory>

#include "graph/png_device.hpp"

namespace isola::graphviz {
namespace {

std::mutex& graphviz_mutex() {
    static std::mutex mutex;
    return mutex;
}

// cgraph's error hook is a plain function pointer with no user data; the messages land here,
// guarded by graphviz_mutex() like everything else Graphviz touches.
std::string& collected_messages() {
    static std::string messages;
    return messages;
}

int collect_message(char* message) {
    std::string& all = collected_messages();
    all += message;
    return 0;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

Session::Session() : lock_(graphviz_mutex()) {
    collected_messages().clear();
    previous_handler_ = agseterrf(&collect_message);
    // Warnings go to the hook too (instead of stderr); errors decide success by return codes.
    agseterr(AGWARN);
    // gvContext() reads the plugin list (config6a). Made once, under the lock; see context().
    static GVC_t* const shared = [] {
        GVC_t* context = gvContext();
        install_png_device(context);
        return context;
    }();
    context_ = shared;
}

Session::~Session() {
    agseterrf(previous_handler_);
    collected_messages().clear();
}

std::string Session::take_messages() {
    std::string out = trimmed(std::move(collected_messages()));
    collected_messages().clear();
    return out;
}

Graph::Graph(Session& session, const char* name) : session_(session) {
    graph_ = agopen(mutable_str(name), Agdirected, nullptr);
}

Graph::~Graph() {
    if (laid_out_) gvFreeLayout(session_.context(), graph_);
    if (graph_) agclose(graph_);
}

std::expected<void, std::string> Graph::layout(const char* engine) {
    if (laid_out_) {
        gvFreeLayout(session_.context(), graph_);
        laid_out_ = false;
    }
    if (gvLayout(session_.context(), graph_, engine) != 0) {
        std::string why = session_.take_messages();
        return std::unexpected(why.empty() ? std::string("no message from Graphviz") : why);
    }
    laid_out_ = true;
    return {};
}

std::expected<std::string, std::string> Graph::render(const char* format) {
    assert(laid_out_);
    char* data = nullptr;
    unsigned int length = 0;
    int status = gvRenderData(session_.context(), graph_, format, &data, &length);
    // gvRenderData allocates even on some failures; gvFreeRenderData accepts nullptr.
    std::unique_ptr<char, void (*)(char*)> owned(data, &gvFreeRenderData);
    if (status != 0 || data == nullptr) {
        std::string why = session_.take_messages();
        return std::unexpected(why.empty() ? std::string("no message from Graphviz") : why);
    }
    return std::string(data, length);
}

void set(void* object, const char* name, std::string_view value) {
    std::string owned(value);  // agset wants a NUL-terminated char*
    [[maybe_unused]] int status = agset(object, mutable_str(name), owned.data());
    assert(status == 0 && "attribute not declared on the root graph");
}

void set_html(Agraph_t* root, void* object, const char* name, std::string_view html) {
    std::string owned(html);
    // agstrdup_html marks the string as HTML, so '<b>' is markup and not text; agset keeps the mark.
    char* marked = agstrdup_html(root, owned.data());
    [[maybe_unused]] int status = agset(object, mutable_str(name), marked);
    assert(status == 0 && "attribute not declared on the root graph");
    agstrfree(root, marked);
}

}  // namespace isola::graphviz

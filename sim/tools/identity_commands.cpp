// whoami and id: who the tool's process runs as (docker run/exec --user, the image's USER),
// in the userland's words. coreutils: "whoami: cannot find name for user ID 1000"; busybox:
// "whoami: unknown uid 1000". id prints uid=N(name) gid=N(group) groups=... the same way in
// both (a name left out when the id has none).
#include "sim/tools/commands.hpp"

namespace sim::tools {

ToolResult runWhoami(ToolContext& ctx, const Args& argv) {
    if (argv.size() > 1)
        return failure(ctx.flavor == Flavor::Busybox ? "docknet: whoami: options are not modelled\n"
                                                     : "whoami: extra operand '" + argv[1] + "'\nTry 'whoami --help' for more information.\n",
                       ctx.flavor == Flavor::Busybox ? 127 : 1);
    if (ctx.userName.empty())
        return failure(ctx.flavor == Flavor::Busybox ? "whoami: unknown uid " + std::to_string(ctx.uid) + "\n"
                                                     : "whoami: cannot find name for user ID " + std::to_string(ctx.uid) + "\n",
                       1);
    return ok(ctx.userName + "\n");
}

namespace {

/// id -u / -g / -G, with -n for names (-un, -gn, -Gn; separate or grouped).
ToolResult idSelection(ToolContext& ctx, const Args& argv) {
    char which = 0;
    bool names = false;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() < 2 || a[0] != '-' || a[1] == '-')
            return failure("docknet: id: '" + a + "' (another user, long options) is not modelled\n", 127);
        for (char c : a.substr(1)) {
            if (c == 'n') names = true;
            else if ((c == 'u' || c == 'g' || c == 'G') && (!which || which == c)) which = c;
            else if (c == 'u' || c == 'g' || c == 'G')
                return failure(ctx.flavor == Flavor::Busybox ? "docknet: id: that combination of options is not modelled\n"
                                                             : "id: cannot print \"only\" of more than one choice\n",
                               ctx.flavor == Flavor::Busybox ? 127 : 1);
            else return failure("docknet: id: option -" + std::string(1, c) + " is not modelled\n", 127);
        }
    }
    if (!which) return failure(ctx.flavor == Flavor::Busybox ? "docknet: id -n alone is not modelled\n"
                                                             : "id: printing only names or real IDs requires -u, -g, or -G\n"
                                                               "Try 'id --help' for more information.\n",
                               ctx.flavor == Flavor::Busybox ? 127 : 1);
    const int id = which == 'u' ? ctx.uid : ctx.gid;
    const std::string& name = which == 'u' ? ctx.userName : ctx.groupName;
    if (!names) {
        std::string out = std::to_string(id);
        if (which == 'G')
            for (const auto& [gid, n] : ctx.extraGroups) out += " " + std::to_string(gid);
        return ok(out + "\n");
    }
    if (name.empty()) {
        if (ctx.flavor == Flavor::Busybox) return failure("docknet: id -n for an id without a name is not modelled\n", 127);
        return failure(std::string("id: cannot find name for ") + (which == 'u' ? "user" : "group") + " ID " + std::to_string(id) +
                           "\n" + std::to_string(id) + "\n",
                       1);
    }
    std::string out = name;
    if (which == 'G')
        for (const auto& [gid, n] : ctx.extraGroups) out += " " + n;
    return ok(out + "\n");
}

}  // namespace

ToolResult runId(ToolContext& ctx, const Args& argv) {
    if (argv.size() > 1) return idSelection(ctx, argv);
    auto named = [](int n, const std::string& name) { return std::to_string(n) + (name.empty() ? "" : "(" + name + ")"); };
    std::string out = "uid=" + named(ctx.uid, ctx.userName) + " gid=" + named(ctx.gid, ctx.groupName) +
                      " groups=" + named(ctx.gid, ctx.groupName);
    for (const auto& [gid, name] : ctx.extraGroups) out += "," + named(gid, name);
    return ok(out + "\n");
}

}  // namespace sim::tools

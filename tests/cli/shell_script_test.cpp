#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/shell/shell_script.hpp"

using sim::shell::AndOrList;
using sim::shell::Connector;
using sim::shell::Environment;
using sim::shell::ExpansionContext;
using sim::shell::Incomplete;
using sim::shell::RedirectionKind;
using sim::shell::Script;
using sim::shell::SimpleCommand;
using sim::shell::WordPart;
using sim::core::ErrorCode;
using Strings = std::vector<std::string>;

namespace {

Script parseOk(std::string_view text) {
    auto script = sim::shell::parseScript(text);
    if (!script) FAIL("parse failed: " << script.error().message);
    return *script;
}

const SimpleCommand& onlyCommand(const AndOrList& list) {
    REQUIRE(list.items.size() == 1);
    REQUIRE(list.items[0].pipeline.commands.size() == 1);
    return list.items[0].pipeline.commands[0];
}

Strings argvOf(const SimpleCommand& cmd, const Environment& env = {}, int status = 0,
               sim::shell::SubstitutionRunner runner = {}) {
    ExpansionContext ctx{env, status, std::move(runner)};
    auto expanded = sim::shell::expandCommand(cmd, ctx);
    if (!expanded) FAIL("expansion failed: " << expanded.error().message);
    return expanded->argv;
}

Strings argvOfLine(std::string_view text, const Environment& env = {}) {
    const Script s = parseOk(text);
    REQUIRE(s.lists.size() == 1);
    return argvOf(onlyCommand(s.lists[0]), env);
}

std::string errorOf(std::string_view text) {
    auto script = sim::shell::parseScript(text);
    REQUIRE_FALSE(script.has_value());
    return script.error().message;
}

}  // namespace

TEST_CASE("the tutorial's docker run lines become argv", "[cli][shell]") {
    CHECK(argvOfLine("docker run --name db -e MYSQL_ROOT_PASSWORD=1234 -p 3306:3306 -d mysql-custom") ==
          Strings{"docker", "run", "--name", "db", "-e", "MYSQL_ROOT_PASSWORD=1234", "-p", "3306:3306", "-d",
                  "mysql-custom"});
    CHECK(argvOfLine("docker run --name nginx1 --link nginx:nginx -d nginx-custom") ==
          Strings{"docker", "run", "--name", "nginx1", "--link", "nginx:nginx", "-d", "nginx-custom"});
    CHECK(argvOfLine("docker run --name nginx4 --net=host -d nginx-custom") ==
          Strings{"docker", "run", "--name", "nginx4", "--net=host", "-d", "nginx-custom"});
    CHECK(argvOfLine("  docker build -t mysql-custom .  ") == Strings{"docker", "build", "-t", "mysql-custom", "."});
}

TEST_CASE("a script keeps line numbers and skips comments and blank lines", "[cli][shell]") {
    const Script s = parseOk(
        "# build the images\n"
        "\n"
        "docker build -t nginx-custom .   # nginx with net-tools\n"
        "\t\n"
        "docker run --name web -d nginx-custom\n"
        "echo a#b # a comment\n");
    REQUIRE(s.lists.size() == 3);
    CHECK(s.lists[0].line == 3);
    CHECK(s.lists[0].text == "docker build -t nginx-custom .");
    CHECK(s.lists[1].line == 5);
    CHECK(s.lists[2].line == 6);
    CHECK(argvOf(onlyCommand(s.lists[2])) == Strings{"echo", "a#b"});
    CHECK(s.warnings.empty());
    CHECK(parseOk("").lists.empty());
    CHECK(parseOk("\n\n# only comments\n").lists.empty());
}

TEST_CASE("quoting with single and double quotes and backslashes", "[cli][shell]") {
    CHECK(argvOfLine(R"(echo 'a  b' "c  d" e\ f)") == Strings{"echo", "a  b", "c  d", "e f"});
    CHECK(argvOfLine(R"(echo "say \"hi\" \\ \$HOME \`x\` \n")") == Strings{"echo", R"(say "hi" \ $HOME `x` \n)"});
    CHECK(argvOfLine(R"(echo 'no $expansion \here')") == Strings{"echo", R"(no $expansion \here)"});
    CHECK(argvOfLine(R"(echo "" '' x"")") == Strings{"echo", "", "", "x"});
    CHECK(argvOfLine(R"(echo a'b'"c"\d)") == Strings{"echo", "abcd"});
    CHECK(argvOfLine("echo \"line one\nline two\"") == Strings{"echo", "line one\nline two"});
    CHECK(argvOfLine("docker inspect -f '{{.NetworkSettings.IPAddress}}' web") ==
          Strings{"docker", "inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web"});
    CHECK(argvOfLine("echo $ a$ $%") == Strings{"echo", "$", "a$", "$%"});
}

TEST_CASE("continuation lines join into one command and one display line", "[cli][shell]") {
    const Script s = parseOk(
        "docker run -d \\\n"
        "  --name web \\\n"
        "  -p 8080:80 \\\n"
        "  nginx\n"
        "echo done\n");
    REQUIRE(s.lists.size() == 2);
    CHECK(s.lists[0].line == 1);
    CHECK(s.lists[0].text == "docker run -d --name web -p 8080:80 nginx");
    CHECK(argvOf(onlyCommand(s.lists[0])) ==
          Strings{"docker", "run", "-d", "--name", "web", "-p", "8080:80", "nginx"});
    CHECK(s.lists[1].line == 5);
    // A continuation inside a word joins the two halves.
    CHECK(argvOfLine("echo ngi\\\nnx") == Strings{"echo", "nginx"});
    CHECK(parseOk("echo ngi\\\nnx").lists[0].text == "echo nginx");
}

TEST_CASE("and-or lists with background and pipelines", "[cli][shell]") {
    const Script s = parseOk(
        "docker network create mynet && docker run --network mynet -d nginx || echo failed; docker ps\n"
        "docker ps | grep web | wc -l\n"
        "docker run nginx &\n"
        "! docker inspect gone\n");
    REQUIRE(s.lists.size() == 5);
    const AndOrList& first = s.lists[0];
    REQUIRE(first.items.size() == 3);
    CHECK(first.items[0].connector == Connector::First);
    CHECK(first.items[1].connector == Connector::And);
    CHECK(first.items[2].connector == Connector::Or);
    CHECK(argvOf(first.items[1].pipeline.commands[0]) ==
          Strings{"docker", "run", "--network", "mynet", "-d", "nginx"});
    CHECK(first.text == "docker network create mynet && docker run --network mynet -d nginx || echo failed");
    CHECK(first.startsLine);
    CHECK(s.lists[1].text == "docker ps");
    CHECK_FALSE(s.lists[1].startsLine);
    CHECK(s.lists[1].lineText == first.lineText);
    CHECK(first.lineText ==
          "docker network create mynet && docker run --network mynet -d nginx || echo failed; docker ps");

    const auto& pipe = s.lists[2].items[0].pipeline;
    REQUIRE(pipe.commands.size() == 3);
    CHECK(argvOf(pipe.commands[1]) == Strings{"grep", "web"});
    CHECK(s.lists[2].line == 2);

    CHECK(s.lists[3].background);
    CHECK(s.lists[3].text == "docker run nginx &");
    CHECK(s.lists[4].items[0].pipeline.negated);
    CHECK(argvOf(onlyCommand(s.lists[4])) == Strings{"docker", "inspect", "gone"});
}

TEST_CASE("newlines after && and | continue the list", "[cli][shell]") {
    const Script s = parseOk(
        "docker network create net1 &&   # first the network\n"
        "  docker run --network net1 -d nginx |\n"
        "  cat\n");
    REQUIRE(s.lists.size() == 1);
    CHECK(s.lists[0].items.size() == 2);
    CHECK(s.lists[0].items[1].pipeline.commands.size() == 2);
    CHECK(s.lists[0].text == "docker network create net1 && docker run --network net1 -d nginx | cat");
}

TEST_CASE("redirections are data on the command", "[cli][shell]") {
    const Script s = parseOk("docker logs web > out.txt 2>&1\n"
                             "docker inspect gone 2>/dev/null >>log\n"
                             "cat < in.txt &>/dev/null\n"
                             "echo hi >&2\n");
    const SimpleCommand& a = onlyCommand(s.lists[0]);
    REQUIRE(a.redirections.size() == 2);
    CHECK(a.redirections[0].fd == 1);
    CHECK(a.redirections[0].kind == RedirectionKind::Output);
    CHECK(a.redirections[0].target.literal() == "out.txt");
    CHECK(a.redirections[1].fd == 2);
    CHECK(a.redirections[1].kind == RedirectionKind::DuplicateOutput);
    CHECK(a.redirections[1].target.literal() == "1");
    CHECK(argvOf(a) == Strings{"docker", "logs", "web"});

    const SimpleCommand& b = onlyCommand(s.lists[1]);
    REQUIRE(b.redirections.size() == 2);
    CHECK(b.redirections[0].fd == 2);
    CHECK(b.redirections[0].kind == RedirectionKind::Output);
    CHECK(b.redirections[0].target.literal() == "/dev/null");
    CHECK(b.redirections[1].kind == RedirectionKind::Append);
    CHECK(b.redirections[1].target.literal() == "log");

    const SimpleCommand& c = onlyCommand(s.lists[2]);
    REQUIRE(c.redirections.size() == 2);
    CHECK(c.redirections[0].fd == 0);
    CHECK(c.redirections[0].kind == RedirectionKind::Input);
    CHECK(c.redirections[1].kind == RedirectionKind::OutputAndError);

    const SimpleCommand& d = onlyCommand(s.lists[3]);
    CHECK(d.redirections[0].fd == 1);
    CHECK(d.redirections[0].kind == RedirectionKind::DuplicateOutput);
    CHECK(d.redirections[0].target.literal() == "2");
    // "2" alone is an argument, "a2>x" is the word a2 then a redirection of stdout.
    CHECK(argvOfLine("echo 2 > x") == Strings{"echo", "2"});
    CHECK(argvOfLine("echo a2>x") == Strings{"echo", "a2"});
}

TEST_CASE("Dockerfile here-documents from the tutorial", "[cli][shell]") {
    const Script s = parseOk(
        "cat > Dockerfile <<'EOF'\n"
        "FROM nginx:latest\n"
        "RUN apt-get update\n"
        "RUN apt-get install -y net-tools\n"
        "RUN apt-get install -y iputils-ping\n"
        "EOF\n"
        "docker build -t nginx-custom .\n");
    REQUIRE(s.lists.size() == 2);
    const SimpleCommand& cat = onlyCommand(s.lists[0]);
    CHECK(s.lists[0].line == 1);
    CHECK(s.lists[0].text == "cat > Dockerfile <<'EOF'");
    REQUIRE(cat.redirections.size() == 1);
    CHECK(cat.redirections[0].target.literal() == "Dockerfile");
    REQUIRE(cat.hereDoc);
    CHECK(cat.hereDoc->delimiter == "EOF");
    CHECK(cat.hereDoc->quoted);
    CHECK(cat.hereDoc->line == 1);
    CHECK(cat.hereDoc->terminated);
    const std::string body =
        "FROM nginx:latest\n"
        "RUN apt-get update\n"
        "RUN apt-get install -y net-tools\n"
        "RUN apt-get install -y iputils-ping\n";
    CHECK(cat.hereDoc->text == body);
    CHECK(s.lists[1].line == 7);
    CHECK(argvOf(onlyCommand(s.lists[1])) == Strings{"docker", "build", "-t", "nginx-custom", "."});

    const Environment env;
    auto expanded = sim::shell::expandCommand(cat, ExpansionContext{env});
    REQUIRE(expanded);
    CHECK(expanded->hereDoc == body);
    CHECK(expanded->hereDocFd == 0);
    CHECK(expanded->argv == Strings{"cat"});
    REQUIRE(expanded->redirections.size() == 1);
    CHECK(expanded->redirections[0].target == "Dockerfile");
}

TEST_CASE("here-document forms: unquoted expands and <<- strips tabs and quoted does not expand", "[cli][shell]") {
    const Environment env{{"IMAGE", "mysql:5.7.8"}};
    {
        const Script s = parseOk("cat <<EOF > Dockerfile\nFROM $IMAGE\nRUN echo \\$HOME ${IMAGE}\nEOF\n");
        const SimpleCommand& cat = onlyCommand(s.lists[0]);
        REQUIRE(cat.hereDoc);
        CHECK_FALSE(cat.hereDoc->quoted);
        auto e = sim::shell::expandCommand(cat, ExpansionContext{env});
        REQUIRE(e);
        CHECK(*e->hereDoc == "FROM mysql:5.7.8\nRUN echo $HOME mysql:5.7.8\n");
    }
    {
        const Script s = parseOk("cat <<\"EOF\"\nFROM $IMAGE\nEOF\n");
        auto e = sim::shell::expandCommand(onlyCommand(s.lists[0]), ExpansionContext{env});
        REQUIRE(e);
        CHECK(*e->hereDoc == "FROM $IMAGE\n");
    }
    {
        const Script s = parseOk("\tcat <<-EOF\n\t\tFROM nginx\n\tRUN true\n\tEOF\necho after\n");
        REQUIRE(s.lists.size() == 2);
        CHECK(onlyCommand(s.lists[0]).hereDoc->text == "FROM nginx\nRUN true\n");
        CHECK(s.lists[1].line == 5);
    }
    {
        // The rest of the line after the delimiter word still belongs to the command.
        const Script s = parseOk("cat <<EOF | grep FROM && echo ok\nFROM x\nEOF\necho next\n");
        REQUIRE(s.lists.size() == 2);
        CHECK(s.lists[0].items.size() == 2);
        CHECK(s.lists[0].text == "cat <<EOF | grep FROM && echo ok");
        CHECK(s.lists[0].items[0].pipeline.commands[0].hereDoc->text == "FROM x\n");
        CHECK(s.lists[1].line == 4);
    }
    {
        // A list continued after its here-document body: the body is left out of the text.
        const Script s = parseOk("cat <<EOF &&\nbody\nEOF\necho hi\n");
        REQUIRE(s.lists.size() == 1);
        CHECK(s.lists[0].text == "cat <<EOF && echo hi");
        CHECK(s.lists[0].items[0].pipeline.commands[0].hereDoc->text == "body\n");
    }
}

TEST_CASE("a here-document cut by end-of-file is a warning as in bash", "[cli][shell]") {
    const Script s = parseOk(
        "docker network ls\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "echo start\n"
        "cat > Dockerfile <<EOF\n"
        "FROM alpine\n");
    REQUIRE(s.lists.size() == 3);
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0] == "here-document at line 7 delimited by end-of-file (wanted 'EOF')");
    const SimpleCommand& cat = onlyCommand(s.lists[2]);
    CHECK(cat.hereDoc->text == "FROM alpine\n");
    CHECK_FALSE(cat.hereDoc->terminated);
}

TEST_CASE("variables with braces and unset names and defaults and field splitting", "[cli][shell]") {
    const Environment env{{"NET", "mynet"}, {"ARGS", "  -d   --rm "}, {"EMPTY", ""}, {"IMG", "nginx"}};
    const Script s = parseOk(
        "docker run --network $NET ${IMG}:latest $UNSET\n"
        "docker run $ARGS \"$ARGS\" x$ARGS\"y\"\n"
        "echo $? \"$EMPTY\" $EMPTY ${EMPTY:-fallback} ${EMPTY-kept} ${NOPE-unset default}\n"
        "echo \"${NET}_1\" $NET_1 '$NET'\n");
    CHECK(argvOf(onlyCommand(s.lists[0]), env) == Strings{"docker", "run", "--network", "mynet", "nginx:latest"});
    CHECK(argvOf(onlyCommand(s.lists[1]), env) ==
          Strings{"docker", "run", "-d", "--rm", "  -d   --rm ", "x", "-d", "--rm", "y"});
    CHECK(argvOf(onlyCommand(s.lists[2]), env, 125) == Strings{"echo", "125", "", "fallback", "unset", "default"});
    CHECK(argvOf(onlyCommand(s.lists[3]), env) == Strings{"echo", "mynet_1", "$NET"});

    // The word keeps its parts so the executor can expand it later.
    const auto& word = onlyCommand(s.lists[0]).words[3];
    REQUIRE(word.parts.size() == 1);
    CHECK(word.parts[0].kind == WordPart::Kind::Variable);
    CHECK(word.parts[0].text == "NET");
    CHECK_FALSE(word.literal().has_value());
}

TEST_CASE("$? is given at expansion time", "[cli][shell]") {
    const Script s = parseOk("echo $?\n");
    const Environment env;
    CHECK(argvOf(onlyCommand(s.lists[0]), env, 0) == Strings{"echo", "0"});
    CHECK(argvOf(onlyCommand(s.lists[0]), env, 1) == Strings{"echo", "1"});
}

TEST_CASE("command substitution runs through the hook", "[cli][shell]") {
    const Script s = parseOk(
        "ping -c 1 $(docker inspect -f '{{.NetworkSettings.IPAddress}}' web)\n"
        "echo \"$(printf 'a  b\\n\\n')\" $(printf 'a  b') `docker ps -q`\n"
        "IP=$(docker inspect -f \"{{.NetworkSettings.IPAddress}}\" db)\n");
    Strings ran;
    auto runner = [&](const std::string& text) -> sim::core::Result<std::string> {
        ran.push_back(text);
        if (text.starts_with("docker inspect")) return std::string("172.17.0.2\n");
        if (text.starts_with("printf")) return std::string("a  b\n\n");
        return std::string("3f2a\n5e0c\n");
    };
    const Environment env;
    CHECK(argvOf(onlyCommand(s.lists[0]), env, 0, runner) == Strings{"ping", "-c", "1", "172.17.0.2"});
    CHECK(ran == Strings{"docker inspect -f '{{.NetworkSettings.IPAddress}}' web"});
    CHECK(argvOf(onlyCommand(s.lists[1]), env, 0, runner) == Strings{"echo", "a  b", "a", "b", "3f2a", "5e0c"});
    CHECK(ran.back() == "docker ps -q");

    const SimpleCommand& assign = onlyCommand(s.lists[2]);
    CHECK(assign.words.empty());
    REQUIRE(assign.assignments.size() == 1);
    CHECK(assign.assignments[0].name == "IP");
    auto e = sim::shell::expandCommand(assign, ExpansionContext{env, 0, runner});
    REQUIRE(e);
    REQUIRE(e->assignments.size() == 1);
    CHECK(e->assignments[0] == std::pair<std::string, std::string>{"IP", "172.17.0.2"});
    CHECK(ran.back() == "docker inspect -f \"{{.NetworkSettings.IPAddress}}\" db");

    // Without a hook a substitution is an error; a failing hook's error comes back.
    auto noHook = sim::shell::expandCommand(onlyCommand(s.lists[0]), ExpansionContext{env});
    REQUIRE_FALSE(noHook);
    CHECK(noHook.error().code == ErrorCode::Unsupported);
    auto failing = [](const std::string&) -> sim::core::Result<std::string> {
        return sim::core::fail(ErrorCode::NotFound, "Error: No such object: web");
    };
    auto failed = sim::shell::expandCommand(onlyCommand(s.lists[0]), ExpansionContext{env, 0, failing});
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message == "Error: No such object: web");

    // Nested substitutions and parentheses in quotes are found correctly.
    const Script nested = parseOk("echo $(echo $(echo ')') \")\")\n");
    const auto& part = onlyCommand(nested.lists[0]).words[1].parts[0];
    CHECK(part.kind == WordPart::Kind::CommandSubstitution);
    CHECK(part.text == "echo $(echo ')') \")\"");
}

TEST_CASE("assignments before a command", "[cli][shell]") {
    const Script s = parseOk("A=1 B='two words' docker run x=y\n");
    const SimpleCommand& c = onlyCommand(s.lists[0]);
    REQUIRE(c.assignments.size() == 2);
    CHECK(c.assignments[1].name == "B");
    const Environment env;
    auto e = sim::shell::expandCommand(c, ExpansionContext{env});
    REQUIRE(e);
    CHECK(e->argv == Strings{"docker", "run", "x=y"});
    CHECK(e->assignments[1].second == "two words");
}

TEST_CASE("syntax errors carry the line and bash's words", "[cli][shell]") {
    CHECK(errorOf("echo one\necho two\necho 'three\nfour\n") == "line 3: unexpected EOF while looking for matching '''");
    CHECK(errorOf("echo \"open") == "line 1: unexpected EOF while looking for matching '\"'");
    CHECK(errorOf("a\nb\nc\nd\n&& docker ps\n") == "line 5: syntax error near unexpected token '&&'");
    CHECK(errorOf("docker ps && && docker ps") == "line 1: syntax error near unexpected token '&&'");
    CHECK(errorOf("docker ps | ; x") == "line 1: syntax error near unexpected token ';'");
    CHECK(errorOf("echo hi ;;") == "line 1: syntax error near unexpected token ';;'");
    CHECK(errorOf("; echo") == "line 1: syntax error near unexpected token ';'");
    CHECK(errorOf("echo >\n") == "line 1: syntax error near unexpected token 'newline'");
    CHECK(errorOf("echo > | x") == "line 1: syntax error near unexpected token '|'");
    CHECK(errorOf("echo hi )") == "line 1: syntax error near unexpected token ')'");
    CHECK(errorOf("docker ps &&\n\n") == "line 3: syntax error: unexpected end of file");
    CHECK(errorOf("echo $(docker ps") == "line 1: unexpected EOF while looking for matching ')'");
    CHECK(errorOf("echo `docker ps") == "line 1: unexpected EOF while looking for matching '`'");
    CHECK(errorOf("echo ${X") == "line 1: unexpected EOF while looking for matching '}'");
    CHECK(errorOf("echo $(a && && b)") == "line 1: syntax error near unexpected token '&&'");
    CHECK(sim::shell::parseScript("x &&& y").error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("constructs docknet does not model are Unsupported", "[cli][shell]") {
    auto check = [](std::string_view text, std::string_view needle) {
        auto r = sim::shell::parseScript(text);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Unsupported);
        CHECK_THAT(r.error().message, Catch::Contains(std::string(needle)));
    };
    check("for i in 1 2; do echo $i; done", "line 1: 'for'");
    check("echo ok\nif true; then echo; fi", "line 2: 'if'");
    check("(cd /tmp && ls)", "subshells");
    check("echo $((1 + 2))", "arithmetic");
    check("echo ${X/a/b}", "${X/a/b}: bad substitution");
    check("echo $(cat <<EOF\nx\nEOF\n)", "here-documents inside");
}

TEST_CASE("parseScriptUntilError keeps the lists before the error", "[cli][shell]") {
    const auto partial = sim::shell::parseScriptUntilError("docker network ls\ndocker ps; docker images\n&& oops\n");
    REQUIRE(partial.error);
    CHECK(partial.error->message == "line 3: syntax error near unexpected token '&&'");
    REQUIRE(partial.script.lists.size() == 3);
    CHECK(partial.script.lists[2].text == "docker images");
}

TEST_CASE("parseLine says when the interactive shell needs another line", "[cli][shell]") {
    auto state = [](std::string_view text) {
        auto r = sim::shell::parseLine(text);
        REQUIRE(r);
        return r->incomplete;
    };
    CHECK(state("docker network ls") == Incomplete::None);
    CHECK(state("docker network ls\n") == Incomplete::None);
    CHECK(state("") == Incomplete::None);
    CHECK(state("echo 'open") == Incomplete::Quote);
    CHECK(state("echo \"open\nstill") == Incomplete::Quote);
    CHECK(state("docker run -d \\") == Incomplete::Continuation);
    CHECK(state("docker run -d \\\n") == Incomplete::Continuation);
    CHECK(state("docker network create net1 &&") == Incomplete::Operator);
    CHECK(state("docker network create net1 ||\n") == Incomplete::Operator);
    CHECK(state("docker ps |") == Incomplete::Operator);
    CHECK(state("cat > Dockerfile <<'EOF'") == Incomplete::HereDoc);
    CHECK(state("cat > Dockerfile <<'EOF'\nFROM nginx\n") == Incomplete::HereDoc);
    CHECK(state("ping $(docker inspect web") == Incomplete::Substitution);
    CHECK(state("echo `date") == Incomplete::Substitution);

    auto done = sim::shell::parseLine("cat > Dockerfile <<'EOF'\nFROM nginx\nEOF", 4);
    REQUIRE(done);
    CHECK_FALSE(done->needsMore());
    REQUIRE(done->script.lists.size() == 1);
    CHECK(done->script.lists[0].line == 4);
    CHECK(onlyCommand(done->script.lists[0]).hereDoc->text == "FROM nginx\n");

    auto joined = sim::shell::parseLine("docker run -d \\\n  --name web nginx");
    REQUIRE(joined);
    REQUIRE(joined->script.lists.size() == 1);
    CHECK(joined->script.lists[0].text == "docker run -d --name web nginx");

    auto bad = sim::shell::parseLine("&& docker ps");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "line 1: syntax error near unexpected token '&&'");
}

TEST_CASE("an unquoted expansion with several fields is an ambiguous redirect", "[cli][shell]") {
    const Script s = parseOk("docker ps > $OUT\n");
    const Environment env{{"OUT", "a b"}};
    auto e = sim::shell::expandCommand(onlyCommand(s.lists[0]), ExpansionContext{env});
    REQUIRE_FALSE(e);
    CHECK(e.error().message == "line 1: $OUT: ambiguous redirect");
    const Environment one{{"OUT", "ps.txt"}};
    auto ok = sim::shell::expandCommand(onlyCommand(s.lists[0]), ExpansionContext{one});
    REQUIRE(ok);
    CHECK(ok->redirections[0].target == "ps.txt");
}

TEST_CASE("CRLF line ends are read like LF", "[cli][shell]") {
    const Script s = parseOk("docker network ls\r\ncat <<EOF\r\nFROM x\r\nEOF\r\n");
    REQUIRE(s.lists.size() == 2);
    CHECK(argvOf(onlyCommand(s.lists[0])) == Strings{"docker", "network", "ls"});
    CHECK(onlyCommand(s.lists[1]).hereDoc->text == "FROM x\n");
}

TEST_CASE("expansions nested thousands deep are refused, not a stack overflow", "[cli][shell][robustness]") {
    std::string subst = "echo ", param = "echo ";
    for (int i = 0; i < 3000; ++i) subst += "$(";
    subst += "echo hi" + std::string(3000, ')');
    for (int i = 0; i < 10000; ++i) param += "${x:-";
    param += "y" + std::string(10000, '}');
    for (const auto& line : {subst, param}) {
        const auto parsed = sim::shell::parseLine(line, 1);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().message == "line 1: expansions nested more than 500 deep");
    }
    // Nesting a person writes still parses.
    CHECK(sim::shell::parseLine("echo ${a:-${b:-${c:-$(echo $(echo d))}}}", 1));
}

#!/usr/bin/env escript
%% Exports the broker's definitions or the realm's configuration to a file, for the CronJobs in
%% infra/config-exports.yaml. Erlang because it is the one HTTP client in the broker's image (no curl, wget or
%% Python there), which these jobs run so that no other image has to be pinned and pulled.
%%
%%   escript export.escript rabbitmq-definitions FILE
%%       GET $RABBITMQ_URL/api/definitions, basic auth $RABBITMQ_USERNAME / $RABBITMQ_PASSWORD
%%   escript export.escript keycloak-realm FILE
%%       token of $KEYCLOAK_ADMIN_USERNAME / $KEYCLOAK_ADMIN_PASSWORD from $KEYCLOAK_URL's master realm, then
%%       POST $KEYCLOAK_URL/admin/realms/$KEYCLOAK_REALM/partial-export?exportClients=true&exportGroupsAndRoles=true
%%
%% The body is written to FILE.partial (mode 0600: it holds password hashes) and renamed to FILE only when
%% the answer was 200 with a JSON object, so FILE is never a truncated export. Exits 1 on any failure.
-mode(compile).

main(["rabbitmq-definitions", File]) ->
    start(),
    Url = env("RABBITMQ_URL") ++ "/api/definitions",
    Auth = "Basic " ++ base64:encode_to_string(env("RABBITMQ_USERNAME") ++ ":" ++ env("RABBITMQ_PASSWORD")),
    save(File, expect_json(Url, request(get, {Url, [{"authorization", Auth}]})));
main(["keycloak-realm", File]) ->
    start(),
    Base = env("KEYCLOAK_URL"),
    TokenUrl = Base ++ "/realms/master/protocol/openid-connect/token",
    Form = uri_string:compose_query([{"grant_type", "password"}, {"client_id", "admin-cli"},
                                     {"username", env("KEYCLOAK_ADMIN_USERNAME")},
                                     {"password", env("KEYCLOAK_ADMIN_PASSWORD")}]),
    TokenBody = expect_json(TokenUrl, request(post, {TokenUrl, [], "application/x-www-form-urlencoded", Form})),
    Token = case re:run(TokenBody, "\"access_token\"\\s*:\\s*\"([^\"]+)\"", [{capture, [1], list}]) of
                {match, [T]} -> T;
                nomatch -> fail("~s: no access_token in the answer", [TokenUrl])
            end,
    ExportUrl = Base ++ "/admin/realms/" ++ env("KEYCLOAK_REALM")
        ++ "/partial-export?exportClients=true&exportGroupsAndRoles=true",
    save(File, expect_json(ExportUrl,
                           request(post, {ExportUrl, [{"authorization", "Bearer " ++ Token}], "application/json", ""})));
main(_) ->
    fail("usage: export.escript rabbitmq-definitions|keycloak-realm FILE", []).

start() ->
    {ok, _} = application:ensure_all_started(inets).

request(Method, Request) ->
    httpc:request(Method, Request, [{timeout, 120000}, {connect_timeout, 10000}, {autoredirect, false}],
                  [{body_format, binary}]).

expect_json(Url, {ok, {{_, 200, _}, _Headers, <<"{", _/binary>> = Body}}) ->
    log("~s: 200, ~B bytes", [Url, byte_size(Body)]),
    Body;
expect_json(Url, {ok, {{_, Status, Reason}, _Headers, Body}}) ->
    fail("~s: ~B ~s: ~s", [Url, Status, Reason, binary:part(Body, 0, min(200, byte_size(Body)))]);
expect_json(Url, {error, Error}) ->
    fail("~s: ~p", [Url, Error]).

save(File, Body) ->
    Partial = File ++ ".partial",
    ok = filelib:ensure_dir(File),
    ok = file:write_file(Partial, <<>>),
    ok = file:change_mode(Partial, 8#600),
    ok = file:write_file(Partial, Body),
    ok = file:rename(Partial, File),
    log("wrote ~s", [File]).

env(Name) ->
    case os:getenv(Name) of
        false -> fail("~s is not set", [Name]);
        "" -> fail("~s is empty", [Name]);
        Value -> Value
    end.

log(Format, Args) ->
    io:format(Format ++ "~n", Args).

fail(Format, Args) ->
    io:format(standard_error, "export failed: " ++ Format ++ "~n", Args),
    halt(1).

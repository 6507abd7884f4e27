// Validates every object of a rendered manifest (multi-document YAML) against its schema, offline:
// Kubernetes kinds with the schemas of the npm package kubernetes-models, KEDA kinds with
// @kubernetes-models/keda, the operators' kinds with the JSON Schemas in ./schemas.
// An object of a kind that has no schema is an error too: nothing passes unchecked.
//
//   node schema-check.mjs rendered.yaml   ->   JSON on stdout: {"checked": [...], "errors": [...]}
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments, parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "schemas");

// Embedded Kubernetes types inside operator schemas: {k8s: "v1/Affinity"} checks the value with the
// kubernetes-models class of that name.
const embedded = new Map();
async function loadEmbedded(schema) {
  if (Array.isArray(schema)) return Promise.all(schema.map(loadEmbedded));
  if (schema === null || typeof schema !== "object") return;
  if (typeof schema.k8s === "string" && !embedded.has(schema.k8s)) {
    const kind = schema.k8s.split("/").pop();
    const module = await import(`kubernetes-models/${schema.k8s}`);
    embedded.set(schema.k8s, module[kind]);
  }
  await Promise.all(Object.values(schema).map(loadEmbedded));
}

// strictRequired off: the oneOf branches name properties that their parent schema defines.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
ajv.addKeyword({
  keyword: "k8s",
  schemaType: "string",
  errors: true,
  validate: function check(type, data, _schema, ctx) {
    try {
      new (embedded.get(type))(data).validate();
      return true;
    } catch (e) {
      check.errors = (e.errors ?? [{ instancePath: "", message: e.message }]).map((err) => ({
        ...err,
        instancePath: ctx.instancePath + err.instancePath,
        message: `${err.message} (${type})`,
      }));
      return false;
    }
  },
});

const crdValidators = new Map(); // "group/version/Kind" -> ajv validate function
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".yaml"))) {
  const schema = parse(readFileSync(join(schemaDir, file), "utf8"));
  await loadEmbedded(schema);
  if (file === "defs.yaml") {
    ajv.addSchema(schema);
    continue;
  }
  const [group, version, kind] = file.replace(/\.yaml$/, "").split("_");
  crdValidators.set(`${group}/${version}/${kind}`, schema);
}
await loadEmbedded({ k8s: "meta/v1/ObjectMeta" }).catch(() => {});
for (const [gvk, schema] of crdValidators) crdValidators.set(gvk, ajv.compile(schema));

const { ObjectMeta } = await import("@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta");

async function modelFor(apiVersion, kind) {
  const modules = apiVersion.startsWith("keda.sh/")
    ? [`@kubernetes-models/keda/${apiVersion}`]
    : [`kubernetes-models/${apiVersion}`];
  for (const name of modules) {
    try {
      const module = await import(name);
      if (typeof module[kind] === "function") return module[kind];
    } catch {
      // not a group/version this package knows
    }
  }
  return undefined;
}

function describe(errors) {
  return (errors ?? []).map((e) => ({
    path: e.instancePath || "/",
    message:
      e.keyword === "additionalProperties"
        ? `unknown field "${e.params.additionalProperty}"`
        : e.keyword === "enum"
          ? `${e.message}: ${e.params.allowedValues.join(", ")}`
          : e.message,
  }));
}

const checked = [];
const errors = [];
const text = readFileSync(process.argv[2], "utf8");
for (const doc of parseAllDocuments(text)) {
  if (doc.errors.length) {
    errors.push({ object: "(YAML)", path: "/", message: doc.errors[0].message });
    continue;
  }
  const object = doc.toJS();
  if (object === null) continue;
  const { apiVersion = "", kind = "" } = object;
  const id = `${kind}/${object.metadata?.name ?? "?"}`;
  const report = (problems) => problems.forEach((p) => errors.push({ object: id, ...p }));
  const crd = crdValidators.get(`${apiVersion}/${kind}`);
  if (crd) {
    if (!crd(object)) report(describe(crd.errors));
    try {
      new ObjectMeta(object.metadata).validate();
    } catch (e) {
      report(describe(e.errors).map((p) => ({ ...p, path: `/metadata${p.path === "/" ? "" : p.path}` })));
    }
    checked.push({ object: id, apiVersion, schema: "k8s/validation/schemas" });
    continue;
  }
  const Model = await modelFor(apiVersion, kind);
  if (!Model) {
    report([{ path: "/", message: `no schema for ${apiVersion} ${kind}` }]);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    report(e.errors ? describe(e.errors) : [{ path: "/", message: e.message }]);
  }
  checked.push({ object: id, apiVersion, schema: apiVersion.startsWith("keda.sh/") ? "@kubernetes-models/keda" : "kubernetes-models" });
}
process.stdout.write(JSON.stringify({ checked, errors }, null, 1) + "\n");

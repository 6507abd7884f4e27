package org.feedbackloop.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Unknown fields of built-in kinds. The Kubernetes OpenAPI schemas allow any extra field (the API server
 * prunes or rejects it only at apply time), so a typo such as {@code resource:} for {@code resources:} passes
 * a schema check. The fabric8 model keeps every field it does not know in {@code additionalProperties};
 * any entry there is a finding. Custom resources come back as {@link GenericKubernetesResource} and are
 * skipped: their schemas in k8s/validation/schemas reject unknown fields themselves.
 */
final class StrictFields {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictFields() {
    }

    static List<Finding> check(List<ObjectNode> objects) {
        List<Finding> findings = new ArrayList<>();
        for (ObjectNode object : objects) {
            String id = Manifests.id(object);
            Object typed;
            try {
                typed = SERIALIZATION.unmarshal(object.toString());
            } catch (RuntimeException e) {
                findings.add(new Finding("unknown-field", id, "/", "cannot be read as its kind: " + rootCause(e)));
                continue;
            }
            if (!(typed instanceof GenericKubernetesResource)) {
                walk(typed, "", id, findings);
            }
        }
        return findings;
    }

    private static void walk(Object value, String path, String id, List<Finding> findings) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "/" + i, id, findings);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "/" + key, id, findings));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> findings.add(new Finding("unknown-field", id, path.isEmpty() ? "/" : path,
                            "unknown field \"" + key + "\"")));
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(child, path + "/" + name, id, findings);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    }
}

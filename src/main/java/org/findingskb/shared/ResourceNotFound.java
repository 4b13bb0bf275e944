package org.findingskb.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A resource of the API that does not exist; the problem carries the resource kind and the id asked for. */
public class ResourceNotFound extends ApiException {

    /** That no {@code resource} with this id exists. */
    public static ResourceNotFound of(String resource, Object id) {
        return new ResourceNotFound(resource, id);
    }

    protected ResourceNotFound(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", "Resource not found",
                "No " + resource + " with id '" + id + "' exists.", Map.of("resource", resource, "id", String.valueOf(id)));
    }
}

/**
 * What every feature stands on: the JAX-RS application, configuration, clock, JSON reading and writing, the one place
 * where exceptions become HTTP error bodies ({@link dev.seatkeeper.platform.ErrorMapper}: each
 * {@link dev.seatkeeper.platform.DomainException} kind gets its status there and nowhere else), pages of lists, the
 * schema migrations that run before anything else touches the database, and the embedded database's settings and
 * group commits (an answer to a change waits until the change is on disk).
 *
 * <p>Request bodies are read by {@link dev.seatkeeper.platform.JsonBody}, not by Bean Validation on records: Polar's
 * clients see pydantic's 422 bodies (the issue {@code type}, {@code loc}, {@code msg}, {@code input} and {@code ctx} of
 * each field, in the order pydantic reports them, and {@code json_invalid} at Python's offsets), which Bean
 * Validation's constraint violations cannot reproduce byte for byte. Keep it that way.
 *
 * <p>Every JAX-RS resource is {@code @ApplicationScoped}: one instance serves every request. Without a scope Jersey
 * makes a resource per request, and each of its injected session beans then costs a new EJB reference (a
 * JNDI look-up and a class-loader look-up under a shared lock): a JFR recording of the claim-info load (bench/)
 * showed request threads queued on those locks. Resources therefore hold only beans and the request-scoped
 * {@code Caller}, never per-request state in fields.
 *
 * <p>Session beans are injected with {@code @EJB}, not {@code @Inject}. Through CDI every call goes through a Weld
 * proxy that asks the EJB container for the bean's business object, and for a no-interface view (all of ours) Payara
 * finds it by letting {@code Proxy.getInvocationHandler} throw and reading a field reflectively: 6 % of a claim's
 * CPU in a profile of the claim load (bench/, async-profiler), on every call into a bean. {@code @EJB} hands over
 * the container's own proxy; the transaction and security rules are the same.
 *
 * <p>The OpenAPI document is made of two parts that MicroProfile OpenAPI merges: {@code META-INF/openapi.yaml} holds
 * Polar's shapes (the schemas of requests and responses, which the annotation scanner cannot derive from records that
 * JSON-B writes in snake_case), and each resource method carries its own operation (operationId, summary, responses).
 * The operations stay on the methods, although they are most of a resource's lines: the scanner makes an operation for
 * every JAX-RS method whatever the file says, so an operation written in the file must repeat the method's path, verb
 * and parameters by hand and merges with the scanned one by rules that differ between Payara (MicroProfile OpenAPI
 * 3.1) and WildFly (4.0); a path mistyped there gives no build error, only a second, undocumented operation. On the
 * method, the description cannot drift from the route it describes, and the tests that read {@code /openapi} check
 * the operationIds of both. Shapes go to the file; operations stay with their routes.
 *
 * <p>May depend on nothing else in Seatkeeper; every other package may depend on it.
 */
package dev.seatkeeper.platform;

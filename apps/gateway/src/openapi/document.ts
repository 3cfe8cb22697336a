import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { openApiComponents } from './schemas';

/** The gateway's OpenAPI document: routes from the controllers, schemas from the zod contracts. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Concord API')
    .setDescription(
      'Partnership campaigns between public agencies and content creators. ' +
        'Every /v1 route needs a bearer JWT (claims sub, org, roles) unless marked otherwise. ' +
        'Errors are application/problem+json with a stable `code`. Writes accept Idempotency-Key.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...(document.components?.schemas ?? {}), ...(openApiComponents() as Record<string, object>) },
  };
  return document;
}

// Vue typings for every <hashdrop-*> element, generated from custom-elements.json (used by Vue's editor tooling).
import type {} from 'hashdrop/vue';

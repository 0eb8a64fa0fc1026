"""Item 7 of issue 14: the API lists an upload only once a live public page uses it (or its collection is public)."""

import pytest
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from portal.demo.media import demo_document, demo_image

pytestmark = pytest.mark.django_db


def listed_ids(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?limit=50")
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def test_an_embargoed_upload_is_neither_listed_nor_found(client):
    image = demo_image("Zorbex campaign, embargoed until launch", seed=991)
    document = demo_document("Zorbex press release (embargoed)", "zorbex.txt", b"Not before Monday.")
    assert image.pk not in listed_ids(client, "images")
    assert document.pk not in listed_ids(client, "documents")
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404


def test_files_used_by_live_pages_are_listed(client):
    images, documents = listed_ids(client, "images"), listed_ids(client, "documents")
    assert images and images <= set(Image.objects.values_list("pk", flat=True))
    assert documents or not Document.objects.exists()


def test_a_file_used_only_by_an_unpublished_page_is_not_listed(client):
    from wagtail.models import Page, ReferenceIndex

    used = set(listed_ids(client, "images"))
    some_image = Image.objects.get(pk=next(iter(used)))
    pages = ReferenceIndex.objects.filter(to_object_id=str(some_image.pk), to_content_type__model="image")
    for page in Page.objects.filter(pk__in=[int(ref.object_id) for ref in pages if ref.base_content_type.model == "page"]):
        page.unpublish()
    assert some_image.pk not in listed_ids(client, "images")


def test_a_collection_named_public_is_listed(client, settings):
    press = Collection.get_first_root_node().add_child(name="Press kit")
    image = demo_image("Zorbex logo for the press", seed=992)
    image.collection = press
    image.save()
    assert image.pk not in listed_ids(client, "images")
    settings.PUBLIC_MEDIA_COLLECTIONS = ["Press kit"]
    assert image.pk in listed_ids(client, "images")
